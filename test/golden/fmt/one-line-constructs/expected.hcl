single { a = 1 }
labelled "x" "y" { b = 2 }
empty_block "e" {}
objects      = { a = 1, b = { c = 2 } }
empty_object = {}
tuples       = [[1, 2], []]
mixed        = [{ a = 1 }, { b = 2 }]
paren_key    = { (var.k) = 1 }
colon        = { a : 1 }
