resource "iam_policy" "vpc_read" {
  name        = "vpc-read"
  description = "Read-only access to VPC"
  scope       = "project"
  policy      = <<-JSON
    {
      "Version": "1.1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["vpc:*:get*", "vpc:*:list*"]
        }
      ]
    }
  JSON
}

resource "iam_policy" "templated" {
  name        = "templated-${var.env}"
  description = "A policy with interpolation inside a heredoc"
  scope       = "project"
  policy      = <<EOT
{
  "Version": "1.1",
  "Statement": [
    {
      "Effect": "${var.effect}",
      "Action": [%{ for i, a in var.actions }%{ if i > 0 },%{ endif }"${a}"%{ endfor }]
    }
  ]
}
EOT
}
