# A whole team set up: people, groups, grants and keys.

variable "people" {
  description = "Everyone with an account, keyed by login."
  type = map(object({
    display_name = string
    email        = string
    teams        = list(string)
    bot          = optional(bool, false)
  }))
}

locals {
  # Flatten people into (team, login) pairs for memberships.
  team_members = distinct(flatten([
    for login, person in var.people : [
      for team in person.teams : {
        team  = team
        login = login
      }
    ]
  ]))

  teams = toset([for pair in local.team_members : pair.team])

  bots = { for login, person in var.people : login => person if person.bot }
}

data "iam_project" "eu_de" {
  name = "eu-de"
}

data "iam_policy" "readonly" {
  name = "ReadOnlyAccess"
}

resource "iam_user" "person" {
  for_each = var.people

  name         = each.key
  display_name = each.value.display_name
  email        = each.value.email
  access_mode  = each.value.bot ? "programmatic" : "console"

  login_protection = each.value.bot ? "none" : "email"
}

resource "iam_group" "team" {
  for_each    = local.teams
  name        = each.key
  description = "Team ${each.key}"
}

resource "iam_group_membership" "team" {
  for_each = local.teams
  group    = iam_group.team[each.key].id
  users = [
    for pair in local.team_members : iam_user.person[pair.login].id
    if pair.team == each.key
  ]
}

resource "iam_policy_attachment" "team_readonly" {
  for_each = iam_group.team
  group    = each.value.id
  policy   = data.iam_policy.readonly.id
  project  = data.iam_project.eu_de.id
}

resource "iam_access_key" "bot" {
  for_each    = local.bots
  user        = iam_user.person[each.key].id
  description = "Key for ${each.value.display_name}"
}

output "bot_keys" {
  value     = { for login, key in iam_access_key.bot : login => key.access }
  sensitive = false
}
