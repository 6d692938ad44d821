# Deny overrides allow: whatever else developers are granted, they cannot delete servers
# or volumes.
resource "iam_policy" "deny_server_deletion" {
  name        = "deny-server-deletion"
  description = "Never delete servers or volumes, whatever else is allowed"
  scope       = "project"

  policy = {
    Version = "1.1"
    Statement = [
      {
        Effect = "Deny"
        Action = [
          "ecs:cloudServers:delete*",
          "ecs:servers:delete",
          "evs:volumes:delete",
        ]
      },
    ]
  }
}

# An allow with a condition: restarting servers only from the office networks.
resource "iam_policy" "on_call_restart" {
  name        = "on-call-restart-from-office"
  description = "Start, stop and reboot servers, from the office networks only"
  scope       = "project"

  policy = {
    Version = "1.1"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "ecs:cloudServers:list",
          "ecs:cloudServers:get",
          "ecs:cloudServers:start",
          "ecs:cloudServers:stop",
          "ecs:cloudServers:reboot",
        ]
        Condition = {
          IpAddress = {
            "g:SourceIp" = var.office_networks
          }
        }
      },
    ]
  }
}
