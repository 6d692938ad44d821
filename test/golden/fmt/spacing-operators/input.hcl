arith = 1+2*3-4/5%6
compare = var.a>=1&&var.b!=2||!var.c
unary = [-1, - var.x, !var.y, 5 - -3, -(2)]
cond = var.x?"a":"b"
traversal = var.users [0] . name
splat = var.users [*] . name
attr_splat = var.users . * . name
call = format ( "%s-%s" , var.a , var.b )
expand = concat ( var.lists ... )
commas = [1,2,3]
trailing = [1,2,3,]
ns = provider::iam::normalize(var.x)
