resource "iam_group" "ops" {
  name        = "ops"
  description = "Operations"
}

resource "iam_user" "bot" {
  count       = 1
  name        = "bot-${count.index}"
  access_mode = "programmatic"
}
