moved {
  from = iam_user.old_alice
  to   = iam_user.alice
}

moved {
  from = iam_group.ops
  to   = iam_group.team["ops"]
}

import {
  to = iam_user.legacy
  id = "0a1b2c3d4e5f"
}

import {
  to = iam_group.team["security"]
  id = "f1e2d3c4b5a6"
}

resource "iam_user" "legacy" {
  name = "legacy"
}
