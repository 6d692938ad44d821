// Double-slash comment at the top.
a = 1 // trailing double-slash

// Before a block.
block "x" {
  // Inside.
  b = "two" // after a string
}
// At the end.
