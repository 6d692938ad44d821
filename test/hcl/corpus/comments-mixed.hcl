# hash
// slash
/* block */
value = [
  1, # first
  2, // second
  3, /* third */
]
obj = {
  # comment inside an object
  a = 1 // trailing in object
  /* block in object */
  b = 2
}
args = join( # comment after paren
  ",",       // separator
  var.items, /* items */
)
