by_name   = { for u in var.users : u.name => u }
keyed     = { for k, v in var.map : k => upper(v) }
filtered  = { for k, v in var.map : k => v if v != "" }
grouped   = { for u in var.users : u.team => u.name... }
grouped_if = { for u in var.users : u.team => u.name... if u.enabled }
multiline = {
  for name, user in var.users :
  name => {
    email = user.email
    admin = user.admin
  }
}
