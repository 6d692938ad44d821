empty = {}
equals = { a = 1, b = 2 }
colons = { a: 1, b: 2 }
newlines = {
  a = 1
  b = 2
}
commas_and_newlines = {
  a = 1,
  b = 2,
}
quoted_keys = {
  "key one" = 1
  "key-two" = 2
}
paren_keys = {
  (var.dynamic_key) = "dynamic"
  (local.other)     = "other"
}
number_keys = {
  1 = "one"
  2 = "two"
}
nested = {
  inner = {
    deeper = {
      value = true
    }
  }
  list = [1, 2]
}
mixed_separators = { a = 1, b: 2
  c = 3 }
