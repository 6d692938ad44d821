locals {
  teams = {
    platform = ["alice", "bob"]
    security = ["carol"]
    support  = []
  }
}

resource "iam_group" "team" {
  for_each    = local.teams
  name        = "team-${each.key}"
  description = "Members of the ${each.key} team"
}

resource "iam_group_membership" "team" {
  for_each = local.teams
  group    = iam_group.team[each.key].id
  users    = [for login in each.value : iam_user.all[login].id]
}

resource "iam_group" "admins" {
  name        = "admins"
  description = "Account administrators"
}

resource "iam_group_membership" "admins" {
  group = iam_group.admins.id
  users = [
    iam_user.all["alice"].id,
  ]
}
