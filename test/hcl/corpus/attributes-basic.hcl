# Attributes of every literal kind at the top level.
name        = "iamform"
count       = 3
ratio       = 0.75
enabled     = true
disabled    = false
nothing     = null
with-dash   = "dashes are legal in identifiers"
under_score = "so are underscores"
a1b2        = 12
