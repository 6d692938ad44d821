locals {
  # Teams whose groups are interchangeable; the security group is declared on its own
  # because it must never be destroyed by accident.
  teams = {
    platform   = "Runs the cloud platform: full ECS and VPC access"
    developers = "Builds the products: operates servers but cannot delete them"
    auditors   = "Reads everything, changes nothing"
  }

  # User names per team and the on-call rotation, computed from the people map. The
  # memberships below turn names into user ids.
  team_members = {
    for team in concat(keys(local.teams), ["security"]) : team => [
      for name, person in var.people : name if person.team == team
    ]
  }

  on_call = [for name, person in var.people : name if person.on_call]
}

resource "iam_group" "team" {
  for_each    = local.teams
  name        = each.key
  description = each.value
}

resource "iam_group_membership" "team" {
  for_each = local.teams
  group    = iam_group.team[each.key].id
  users    = [for name in local.team_members[each.key] : iam_user.people[name].id]
}

resource "iam_group" "security" {
  name        = "security"
  description = "Security team: manages IAM and reviews access"

  lifecycle {
    prevent_destroy = true
  }
}

resource "iam_group_membership" "security" {
  group = iam_group.security.id
  users = [for name in local.team_members["security"] : iam_user.people[name].id]
}

resource "iam_group" "on_call" {
  name        = "on-call"
  description = "Whoever is on call: may restart servers from the office network"
}

resource "iam_group_membership" "on_call" {
  group = iam_group.on_call.id
  users = [for name in local.on_call : iam_user.people[name].id]
}

resource "iam_group" "deployers" {
  name        = "deployers"
  description = "Automation that deploys the payments product"
}

resource "iam_group_membership" "deployers" {
  group = iam_group.deployers.id
  users = [iam_user.ci.id]
}
