resource "iam_user" "alice" {
  name = "alice"
}

resource iam_user bob {
  name = "bob"
}

resource "iam_user" carol {
  name = "carol"
}

block "label with spaces" "and-dashes" {
  x = 1
}

block "escaped \"quote\" label" {
  y = 2
}

block "" {
  z = 3
}
