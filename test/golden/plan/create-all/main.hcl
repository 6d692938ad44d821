data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }

resource "iam_group" "ecs_viewers" {
  name = "ecs-viewers"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.com"
  access_mode = "console"
  password    = var.alice_password
}

variable "alice_password" {
  type      = string
  sensitive = true
  default   = "Initial-Passw0rd!"
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
  value = iam_user.alice.id
}
