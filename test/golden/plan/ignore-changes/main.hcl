resource "iam_group" "ops" {
  name        = "ops"
  description = "Managed elsewhere"

  lifecycle {
    ignore_changes = [description]
  }
}

resource "iam_user" "alice" {
  name         = "alice"
  email        = "alice@example.com"
  access_mode  = "console"
  display_name = "Alice"
}
