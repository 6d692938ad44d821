resource "iam_user" "with_phone" {
  for_each = var.people
  name     = each.key
  email    = each.value.email

  dynamic "phone" {
    for_each = each.value.phone == null ? [] : [each.value.phone]
    content {
      country_code = phone.value.country_code
      number       = phone.value.number
    }
  }
}

resource "iam_policy" "generated" {
  name        = "generated"
  description = "Statements from a variable"
  scope       = "project"

  dynamic "statement" {
    for_each = var.statements
    iterator = st
    content {
      effect  = st.value.effect
      actions = st.value.actions

      dynamic "condition" {
        for_each = lookup(st.value, "conditions", [])
        content {
          operator = condition.value.operator
          key      = condition.value.key
          values   = condition.value.values
        }
      }
    }
  }
}
