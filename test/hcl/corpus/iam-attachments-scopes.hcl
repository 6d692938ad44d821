data "iam_policy" "ecs_admin" { name = "ECS FullAccess" }
data "iam_policy" "tenant_guest" { name = "Tenant Guest" }
data "iam_project" "eu_de" { name = "eu-de" }

resource "iam_policy_attachment" "project_scope" {
  group   = iam_group.ops.id
  policy  = data.iam_policy.ecs_admin.id
  project = data.iam_project.eu_de.id
}

resource "iam_policy_attachment" "all_projects" {
  group        = iam_group.ops.id
  policy       = data.iam_policy.tenant_guest.id
  all_projects = true
}

resource "iam_policy_attachment" "global" {
  group  = iam_group.auditors.id
  policy = iam_policy.obs_read.id
  global = true
}

resource "iam_policy_attachment" "enterprise" {
  user               = iam_user.alice.id
  policy             = data.iam_policy.ecs_admin.id
  enterprise_project = iam_enterprise_project.payments.id
}

resource "iam_policy_attachment" "per_project" {
  for_each = toset(["eu-de_payments", "eu-de_shop"])
  group    = iam_group.ops.id
  policy   = data.iam_policy.ecs_admin.id
  project  = iam_project.sub[each.value].id
}
