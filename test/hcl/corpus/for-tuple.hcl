names      = [for u in var.users : u.name]
with_index = [for i, u in var.users : "${i}:${u.name}"]
filtered   = [for u in var.users : u.name if u.enabled]
nested     = [for g in var.groups : [for u in g.users : u]]
from_map   = [for k, v in var.map : "${k}=${v}"]
multiline = [
  for user in var.users :
  upper(user.name)
  if user.admin
]
