variable "bot_count" {
  type    = number
  default = 3
}

resource "iam_user" "bot" {
  count       = var.bot_count
  name        = format("bot-%02d", count.index + 1)
  access_mode = "programmatic"
}

resource "iam_access_key" "bot" {
  count = length(iam_user.bot)
  user  = iam_user.bot[count.index].id
}

resource "iam_group" "maybe" {
  count = var.create_group ? 1 : 0
  name  = "optional-group"
}
