# The seed's process flow as code: a group with ECS ReadOnlyAccess in the eu-de region
# project, and a user who gets that permission by being a member of the group.
#
# Nothing here names a backend or a state location, so iamform uses the defaults:
# the embedded IAM backend in .iamform/iam.db and state in state/default.iamstate.json,
# both under this directory.

data "iam_project" "eu_de" {
  name = "eu-de"
}

data "iam_policy" "ecs_ro" {
  name = "ECS ReadOnlyAccess"
}

resource "iam_group" "ecs_viewers" {
  name        = "ecs-viewers"
  description = "Can look at ECS servers in eu-de, but not change them"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.com"
  access_mode = "console"
}

resource "iam_group_membership" "ecs_viewers" {
  group = iam_group.ecs_viewers.id
  users = [iam_user.alice.id]
}

resource "iam_policy_attachment" "ecs_viewers_ro" {
  group   = iam_group.ecs_viewers.id
  policy  = data.iam_policy.ecs_ro.id
  project = data.iam_project.eu_de.id
}

output "alice_id" {
  description = "The backend id of alice"
  value       = iam_user.alice.id
}

output "ecs_viewers_group_id" {
  description = "The backend id of the ecs-viewers group"
  value       = iam_group.ecs_viewers.id
}
