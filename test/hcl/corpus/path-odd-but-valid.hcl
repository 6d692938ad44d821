a=1
b  =  2
c = [

  1,

  2,
]
d = {

}
e = (
  1
)
f = [for x in [1,2,3]: x*2]
g = {for k,v in {a=1}: k=>v}
h = var.list[*].id
i = var.obj.*.name
j = ! var.flag
k = - 5
