list = [for u in var.users:u.name if u.enabled]
map = {for k,v in var.m:k=>v...}
nested = var.a?var.b?1:2:3
multiline = [
  for u in var.users :
     upper(u.name)
        if u.admin
]
in_paren = [for x in (var.list) : x]
in_tuple = [for x in [1, 2] : -x]
