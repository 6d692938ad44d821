single { a = 1 }
labelled "x" { b = "two" }
two_labels "x" "y" { c = [1, 2] }
nothing "here" {}
spaced   "z"   {   d = true   }
with_expr "e" { e = var.x + 1 }
