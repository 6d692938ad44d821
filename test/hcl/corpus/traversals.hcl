attr       = var.user.name
deep       = var.a.b.c.d
index_num  = var.list[0]
index_str  = var.map["key"]
index_expr = var.list[length(var.list) - 1]
chain      = var.users[0].groups["ops"].id
legacy_idx = var.list.0
resource   = iam_user.alice.id
instance   = iam_user.team["bob"].id
counted    = iam_user.bot[0].name
call_then  = values(var.map)[0]
tuple_idx  = [1, 2, 3][1]
object_att = { a = 1 }.a
each_ref   = each.value.email
count_ref  = count.index
