# One console user per person. People with a phone number get SMS login protection,
# everyone else gets codes by email.
resource "iam_user" "people" {
  for_each = var.people

  name             = each.key
  display_name     = each.value.display_name
  description      = "${title(each.value.team)} team"
  email            = each.value.email
  access_mode      = "console"
  login_protection = each.value.phone == null ? "email" : "sms"

  dynamic "phone" {
    for_each = each.value.phone == null ? [] : [each.value.phone]
    content {
      country_code = phone.value.country_code
      number       = phone.value.number
    }
  }
}

# The deployment pipeline signs in with an access key only.
resource "iam_user" "ci" {
  name        = var.ci_user_name
  description = "Deployment pipeline (no console access)"
  access_mode = "programmatic"
}

resource "iam_access_key" "ci" {
  user        = iam_user.ci.id
  description = "Used by the deployment pipeline; rotate by replacing this resource"
}
