resource "iam_group" "operations" {
  name        = "ops"
  description = "Operations"
}

moved {
  from = iam_group.ops
  to   = iam_group.operations
}

resource "iam_user" "carol" {
  name        = "carol"
  email       = "carol@example.com"
  access_mode = "console"
}

import {
  to = iam_user.carol
  id = "u-carol"
}
