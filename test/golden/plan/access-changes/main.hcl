data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }

resource "iam_group" "ops" {
  name        = "ops"
  description = "Operations"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.com"
  access_mode = "console"
}

resource "iam_user" "bob" {
  name        = "bob"
  email       = "bob@example.com"
  access_mode = "console"
}

# alice joins, bob leaves
resource "iam_group_membership" "ops" {
  group = iam_group.ops.id
  users = [iam_user.alice.id]
}

resource "iam_policy_attachment" "ops_ecs_ro" {
  group   = iam_group.ops.id
  policy  = data.iam_policy.ecs_ro.id
  project = data.iam_project.eu_de.id
}
