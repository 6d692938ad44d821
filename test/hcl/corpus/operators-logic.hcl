eq     = var.a == var.b
ne     = var.a != var.b
lt     = var.a < var.b
le     = var.a <= var.b
gt     = var.a > var.b
ge     = var.a >= var.b
and    = var.x && var.y
or     = var.x || var.y
not    = !var.x
double = !!var.x
combo  = var.a > 1 && var.b < 2 || !var.c
