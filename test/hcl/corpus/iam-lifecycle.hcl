resource "iam_user" "root_like" {
  name = "break-glass"

  lifecycle {
    prevent_destroy = true
    ignore_changes  = [description, display_name]
  }
}

resource "iam_group" "rotating" {
  name = "rotating-${var.generation}"

  lifecycle {
    create_before_destroy = true
  }
}

resource "iam_policy_attachment" "guarded" {
  group      = iam_group.rotating.id
  policy     = data.iam_policy.ro.id
  global     = true
  depends_on = [iam_group_membership.rotating]

  lifecycle {
    ignore_changes = all
  }
}
