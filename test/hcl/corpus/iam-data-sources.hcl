data "iam_project" "region" {
  for_each = toset(["eu-de", "eu-nl"])
  name     = each.key
}

data "iam_policy" "system" {
  for_each = {
    ecs_ro = "ECS ReadOnlyAccess"
    ecs_rw = "ECS FullAccess"
    guest  = "Tenant Guest"
  }
  name = each.value
}

data "iam_user" "existing" {
  name = "legacy-admin"
}

data "iam_group" "default_admin" {
  name       = "admin"
  depends_on = [iam_user.alice]
}
