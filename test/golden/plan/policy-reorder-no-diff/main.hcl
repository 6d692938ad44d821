resource "iam_policy" "ecs_ops" {
  name        = "ecs-operators"
  description = "Operate ECS servers"
  policy      = file("ecs-operators.json")
}
