a = 1
block {
  b = "no newline at the end"
}