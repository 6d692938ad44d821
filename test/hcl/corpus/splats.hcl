attr_splat  = var.users.*.name
full_splat  = var.users[*].name
full_index  = var.users[*].tags["team"]
bare_full   = var.list[*]
nested      = var.groups[*].members[*].id
resources   = iam_user.team[*].id
legacy      = aws_instance.web.*.id
