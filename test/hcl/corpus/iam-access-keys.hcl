resource "iam_user" "ci" {
  name        = "ci-bot"
  access_mode = "programmatic"
}

resource "iam_access_key" "ci" {
  user        = iam_user.ci.id
  description = "Used by the CI pipeline"
  status      = "active"
}

resource "iam_access_key" "ci_rotation" {
  user        = iam_user.ci.id
  description = "Next key during rotation"
  status      = var.rotating ? "active" : "inactive"
}

output "ci_access_key" {
  value = iam_access_key.ci.access
}

output "ci_secret" {
  value     = iam_access_key.ci.secret
  sensitive = true
}
