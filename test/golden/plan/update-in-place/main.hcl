resource "iam_group" "ops" {
  name        = "ops"
  description = "Operations and on-call"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.com"
  access_mode = "console"
}
