resource "iam_user" "alice" {
  name         = "alice"
  display_name = "Alice"
  email        = "alice@example.com"

  access_mode = "console"
  enabled     = true
  # A comment line breaks the run.
  password_reset_required = true
  login_protection        = "email"
  phone {
    country_code = "+49"
    number       = "1700000000"
  }
  description = "after a block"
  x           = 1
}
