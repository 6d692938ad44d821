# CRLF line endings throughout.
name = "crlf"

block "x" {
  a = 1
  list = [
    "one",
    "two",
  ]
}
