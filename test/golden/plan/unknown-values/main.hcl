resource "iam_group" "ops" {
  name        = "ops"
  description = "Operations"
}

resource "iam_group" "auditors" {
  name        = "auditors"
  description = "Read-only auditors"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.com"
  access_mode = "console"
}

resource "iam_group_membership" "auditors" {
  group = iam_group.auditors.id
  users = [iam_user.alice.id]
}

resource "iam_access_key" "alice_ci" {
  user        = iam_user.alice.id
  description = "CI key of ${iam_user.alice.name} in ${iam_group.auditors.name}"
}

output "auditors_group_id" {
  value = iam_group.auditors.id
}

output "ci_secret" {
  value     = iam_access_key.alice_ci.secret
  sensitive = true
}
