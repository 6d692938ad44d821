resource "iam_policy" "ecs_ops" {
  name        = "ecs-operators"
  description = "Operate ECS servers"
  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        Effect = "Allow"
        Action = ["ecs:servers:list", "ecs:servers:get", "ecs:cloudServers:reboot"]
      },
      {
        Effect = "Deny"
        Action = ["ecs:cloudServers:delete"]
      },
    ]
  })
}
