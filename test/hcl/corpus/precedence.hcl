# Multiplicative binds tighter than additive, comparison, equality, then && and ||.
p1 = 1 + 2 * 3
p2 = (1 + 2) * 3
p3 = 1 * 2 + 3 * 4
p4 = 10 - 2 - 3
p5 = 2 * 3 % 4
p6 = 1 + 2 > 2 && 3 < 4 || false
p7 = var.a == 1 || var.b == 2 && var.c == 3
p8 = !var.a && var.b
p9 = -2 * -3
p10 = ((1 + 2) * (3 - 4)) / 5
p11 = var.x ? 1 + 2 : 3 * 4
p12 = var.a < var.b == var.c >= var.d
