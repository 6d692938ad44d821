neg_number   = -1
neg_float    = -2.5
neg_var      = -var.x
not_bool     = !true
not_var      = !var.enabled
double_neg   = -(-3)
neg_call     = -abs(var.n)
neg_in_expr  = 5 + -3
not_compare  = !(var.a == var.b)
