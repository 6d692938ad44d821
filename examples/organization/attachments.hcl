# Platform: full ECS in each region project, full VPC in every project.
resource "iam_policy_attachment" "platform_ecs" {
  for_each = toset(local.regions)
  group    = iam_group.team["platform"].id
  policy   = data.iam_policy.system["ECS FullAccess"].id
  project  = data.iam_project.region[each.key].id
}

resource "iam_policy_attachment" "platform_vpc" {
  group        = iam_group.team["platform"].id
  policy       = data.iam_policy.system["VPC FullAccess"].id
  all_projects = true
}

# Developers: operate servers in eu-de and in the payments sub-project, read volumes
# everywhere, and never delete anything (the deny applies in every project).
resource "iam_policy_attachment" "developers_ecs" {
  for_each = {
    eu_de    = data.iam_project.region["eu-de"].id
    payments = iam_project.payments.id
  }
  group   = iam_group.team["developers"].id
  policy  = data.iam_policy.system["ECS CommonOperations"].id
  project = each.value
}

resource "iam_policy_attachment" "developers_evs_ro" {
  group        = iam_group.team["developers"].id
  policy       = data.iam_policy.system["EVS ReadOnlyAccess"].id
  all_projects = true
}

resource "iam_policy_attachment" "developers_deny_deletion" {
  group        = iam_group.team["developers"].id
  policy       = iam_policy.deny_server_deletion.id
  all_projects = true
}

# Auditors: read IAM (a global service) and ECS and VPC in every project.
resource "iam_policy_attachment" "auditors_iam_ro" {
  group  = iam_group.team["auditors"].id
  policy = data.iam_policy.system["IAM ReadOnlyAccess"].id
  global = true
}

resource "iam_policy_attachment" "auditors_ro" {
  for_each     = toset(["ECS ReadOnlyAccess", "VPC ReadOnlyAccess"])
  group        = iam_group.team["auditors"].id
  policy       = data.iam_policy.system[each.key].id
  all_projects = true
}

# Security: administers IAM.
resource "iam_policy_attachment" "security_admin" {
  group  = iam_group.security.id
  policy = data.iam_policy.system["Security Administrator"].id
  global = true
}

# On call: restart servers in each region project, from the office only.
resource "iam_policy_attachment" "on_call_restart" {
  for_each = toset(local.regions)
  group    = iam_group.on_call.id
  policy   = iam_policy.on_call_restart.id
  project  = data.iam_project.region[each.key].id
}

# Deployers: run servers and manage images in the payments sub-project only.
resource "iam_policy_attachment" "deployers" {
  for_each = toset(["ECS CommonOperations", "IMS FullAccess"])
  group    = iam_group.deployers.id
  policy   = data.iam_policy.system[each.key].id
  project  = iam_project.payments.id
}
