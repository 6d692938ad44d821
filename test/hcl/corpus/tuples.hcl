empty         = []
one           = [1]
trailing      = [1, 2, 3,]
mixed         = ["a", 2, true, null, var.x]
nested        = [[1, 2], [3, [4, 5]], []]
multiline = [
  "alpha",
  "beta",
  "gamma",
]
multiline_no_trailing = [
  "one",
  "two"
]
expressions = [var.a + 1, upper("x"), var.b ? 1 : 2]
