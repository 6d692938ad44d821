/**
 * A generated config of realistic iamform resources for the HCL parse benchmark: users,
 * groups, memberships, custom policies (jsonencode objects and heredoc documents),
 * attachments, `for_each` users and access keys, with comments, references and templates.
 * Deterministic: the same `count` always gives the same text.
 */

const teams = ['platform', 'payments', 'search', 'identity', 'data', 'mobile', 'web', 'security'];
const actions = [
  'ecs:servers:list',
  'ecs:servers:get',
  'ecs:cloudServers:create',
  'ecs:cloudServers:delete',
  'evs:volumes:list',
  'vpc:networks:get',
  'obs:bucket:ListBucket',
  'obs:object:GetObject',
];

function pad(n: number): string {
  return String(n).padStart(5, '0');
}

function team(i: number): string {
  return teams[i % teams.length] as string;
}

function user(i: number): string {
  return `# ${team(i)} team, batch ${Math.floor(i / 100)}
resource "iam_user" "user_${pad(i)}" {
  name         = "user-${pad(i)}"
  display_name = "User ${pad(i)} (\${var.company})"
  email        = "user-${pad(i)}@example.com"
  access_mode  = "console"
  enabled      = ${i % 7 !== 0}
}
`;
}

function group(i: number): string {
  return `resource "iam_group" "team_${pad(i)}" {
  name        = "${team(i)}-${pad(i)}"
  description = "Everyone working on ${team(i)}"
}
`;
}

function membership(i: number): string {
  return `resource "iam_group_membership" "team_${pad(i)}" {
  group = iam_group.team_${pad(i)}.id
  users = [
    iam_user.user_${pad(i)}.id,
    iam_user.user_${pad(i + 1)}.id,
  ]
}
`;
}

function jsonPolicy(i: number): string {
  return `resource "iam_policy" "custom_${pad(i)}" {
  name        = "custom-${pad(i)}"
  description = "Custom policy for \${local.env}"
  policy = jsonencode({
    Version = "1.1"
    Statement = [
      {
        Effect = "Allow"
        Action = ["${actions[i % actions.length]}", "${actions[(i + 3) % actions.length]}", "ecs:servers:list"]
      },
    ]
  })
}
`;
}

function heredocPolicy(i: number): string {
  return `/* Exported from the console. */
resource "iam_policy" "doc_${pad(i)}" {
  name        = "doc-${pad(i)}"
  description = "Operators of ${team(i)}"
  policy      = <<-EOT
    {
      "Version": "1.1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["${actions[(i + 1) % actions.length]}", "${actions[(i + 2) % actions.length]}", "evs:volumes:list"]
        },
        {
          "Effect": "Deny",
          "Action": ["ecs:cloudServers:delete"],
          "Condition": { "StringNotEquals": { "g:UserName": ["${team(i)}-admin"] } }
        }
      ]
    }
  EOT
}
`;
}

function attachment(i: number): string {
  return `resource "iam_policy_attachment" "team_${pad(i)}_ro" {
  group   = iam_group.team_${pad(i)}.id
  policy  = ${i} % 2 == 0 ? data.iam_policy.ecs_ro.id : iam_policy.custom_${pad(i)}.id
  project = data.iam_project.eu_de.id
}
`;
}

function forEachUsers(i: number): string {
  return `resource "iam_user" "batch_${pad(i)}" {
  for_each = { for name, cfg in var.batch_${pad(i)} : name => cfg if cfg.enabled }
  name     = each.key
  email    = lookup(each.value, "email", "\${each.key}@example.com")
}
`;
}

function accessKey(i: number): string {
  return `resource "iam_access_key" "ci_${pad(i)}" {
  user        = iam_user.user_${pad(i)}.id // CI robot
  description = "CI key %{if ${i} > 100}rotated%{else}initial%{endif}"
}
`;
}

const kinds = [user, user, user, group, membership, jsonPolicy, heredocPolicy, attachment, forEachUsers, accessKey];

/** A config of `count` resource blocks after a few settings blocks. */
export function generateConfig(count: number): string {
  const parts: string[] = [
    `variable "company" {\n  type    = string\n  default = "Example Corp"\n}\n\nlocals {\n  env = "prod"\n}\n`,
    `data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }\ndata "iam_project" "eu_de" { name = "eu-de" }\n`,
  ];
  for (let i = 0; i < count; i++) parts.push((kinds[i % kinds.length] as (i: number) => string)(i));
  return parts.join('\n');
}
