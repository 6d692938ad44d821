resource "iam_enterprise_project" "payments" {
  name        = "payments"
  description = "Everything that moves money"
  enabled     = true
}

resource "iam_enterprise_project" "sandbox" {
  name    = "sandbox"
  enabled = false
}

resource "iam_project" "sub" {
  for_each    = toset(["eu-de_payments", "eu-de_shop"])
  name        = each.value
  description = "Sub-project ${each.value}"
}
