t      = true
f      = false
n      = null
list   = [true, false, null]
obj    = { yes = true, no = false, none = null }
cmp    = true == false
