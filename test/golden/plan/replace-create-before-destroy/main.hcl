resource "iam_project" "payments" {
  name        = "eu-de_payments2"
  description = "Payments"

  lifecycle {
    create_before_destroy = true
  }
}
