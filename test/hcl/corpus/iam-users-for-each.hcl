variable "developers" {
  type = map(object({
    email       = string
    phone       = optional(string)
    access_mode = optional(string, "both")
  }))
  description = "Developers keyed by login name."
  default = {
    bob = {
      email = "bob@example.com"
    }
    carol = {
      email       = "carol@example.com"
      phone       = "+49-170-0000000"
      access_mode = "console"
    }
  }
}

resource "iam_user" "developer" {
  for_each = var.developers

  name         = each.key
  display_name = title(each.key)
  email        = each.value.email
  access_mode  = each.value.access_mode
  enabled      = true

  password_reset_required = true
}

resource "iam_user" "from_set" {
  for_each = toset(["dave", "erin"])
  name     = each.value
}
