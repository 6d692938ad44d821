resource "iam_policy" "ecs_start_stop" {
  name        = "ecs-start-stop"
  description = "Start and stop ECS servers, nothing else"
  scope       = "project"

  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "ecs:cloudServers:start",
          "ecs:cloudServers:stop",
          "ecs:servers:get",
          "ecs:servers:list",
        ]
      },
      {
        Effect = "Deny"
        Action = ["ecs:cloudServers:delete"]
        Condition = {
          StringNotEquals = {
            "g:UserName" = ["admin"]
          }
        }
      },
    ]
  })
}

resource "iam_policy" "inline_object" {
  name        = "obs-read"
  description = "Read OBS buckets"
  scope       = "global"
  policy = {
    Version   = "1.1"
    Statement = [{ Effect = "Allow", Action = ["obs:bucket:ListAllMyBuckets", "obs:object:Get*"] }]
  }
}
