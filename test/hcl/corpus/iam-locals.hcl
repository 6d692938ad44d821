locals {
  env    = "prod"
  prefix = "${local.env}-iam"

  admins = ["alice", "bob"]
  users  = concat(local.admins, ["carol", "dave"])

  user_emails = {
    for u in local.users : u => "${u}@example.com"
  }

  is_prod = local.env == "prod"
  max_age = local.is_prod ? 90 : 365
}

locals {
  tags = merge(var.default_tags, { environment = local.env })
}
