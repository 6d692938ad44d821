resource "iam_group" "ops" {
  name        = "ops"
  description = "Operations"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.com"
  access_mode = "console"
}
