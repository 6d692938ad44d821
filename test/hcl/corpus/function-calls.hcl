no_args    = timestamp_free()
one_arg    = upper("abc")
two_args   = join(",", var.list)
nested     = upper(lower(trimspace(var.name)))
expansion  = concat(var.lists...)
min_expand = min(var.numbers...)
mixed      = format("%s-%s", var.a, var.b)
multiline  = merge(
  var.defaults,
  var.overrides,
  { extra = true },
)
trailing_comma = coalesce(var.a, var.b,)
dashed-fn  = provider-fn(1)
json       = jsonencode({ a = 1, b = [true, false] })
