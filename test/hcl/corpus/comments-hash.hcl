# A file-level comment.
# Spanning two lines.

a = 1 # trailing hash comment

# Comment before a block.
block {
  # Comment inside a block.
  b = 2 # trailing inside
  # Comment after the last attribute.
}
# Comment at the end.
