#   hash comment keeps its text
//slash comment keeps its text
/* block
     comment keeps its inner lines
*/
a = 1 # trailing
bb = 2    # trailing comments align in a run
ccc = 3 // different styles align too

block {
    # indented with the code
  x = 1 /* inline block comment */
  y = [ # after an opener
    1,    # one
    22,   # twenty-two
  ]
    /* before the closer */
}
