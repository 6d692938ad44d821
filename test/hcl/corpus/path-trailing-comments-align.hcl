a = 1 # one
bb = 22 # two
ccc = 333 # three

block {
  short = "s" // short
  much_longer_name = "l" // long
  x = [ # opening
    1, # one
  ] # closing
}
