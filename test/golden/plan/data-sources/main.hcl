data "iam_project" "eu_nl" { name = "eu-nl" }
data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }
data "iam_group" "ops" { name = "ops" }

resource "iam_policy_attachment" "ops_ecs_ro_nl" {
  group   = data.iam_group.ops.id
  policy  = data.iam_policy.ecs_ro.id
  project = data.iam_project.eu_nl.id
}

output "ecs_ro_policy" {
  value = {
    id   = data.iam_policy.ecs_ro.id
    kind = data.iam_policy.ecs_ro.kind
    type = data.iam_policy.ecs_ro.type
  }
}
