values = "%{for v in var.list}${v},%{endfor}"
keyed  = "%{for k, v in var.map}${k}=${v};%{endfor}"
nested = "%{for g in var.groups}[%{for u in g.users}${u} %{endfor}]%{endfor}"
with_if = "%{for n in var.nums}%{if n > 0}+${n}%{endif}%{endfor}"
