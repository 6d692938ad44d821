simple  = var.enabled ? "yes" : "no"
nested  = var.a ? "a" : var.b ? "b" : "c"
grouped = (var.a ? 1 : 2) + 3
in_list = [var.x ? 1 : 0, var.y ? 1 : 0]
complex = length(var.users) > 0 ? var.users[0].name : null
multiline = (
  var.use_default
  ? "default"
  : var.custom
)
