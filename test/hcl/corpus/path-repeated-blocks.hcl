locals {
  a = 1
}

locals {
  b = 2
}

locals {
  c = 3
}

settings {
  x = 1
}

settings {
  y = 2
}

resource "iam_group" "same" {
  name = "first"
}

resource "iam_group" "other" {
  name = "second"
}

resource "iam_user" "same" {
  name = "not a duplicate: another type"
}
