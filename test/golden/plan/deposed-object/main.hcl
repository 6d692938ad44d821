resource "iam_user" "alice" {
  name        = "alice2"
  email       = "alice@example.org"
  access_mode = "console"

  lifecycle {
    create_before_destroy = true
  }
}
