resource "iam_group" "ops" {
  name        = "ops"
  description = "Operations team"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.org"
  access_mode = "console"
}

resource "iam_group" "dev" {
  name = "dev"
}

resource "iam_group_membership" "ops" {
  group = iam_group.ops.id
  users = [iam_user.alice.id]
}
