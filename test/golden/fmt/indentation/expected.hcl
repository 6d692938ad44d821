resource "iam_user" "tabs" {
  name = "tabs"
  phone {
    number = "1"
  }
}

locals {
  over_indented = [
    1,
    2,
  ]
  nested = { a = { b = {
    c = 1
  } } }
  call = merge(
    var.a,
    { x = 1 },
  )
}
