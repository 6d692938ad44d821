data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = [var.region]
    }
  }
}

resource "aws_iam_role" "app" {
  name               = "${var.prefix}-app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "app" {
  for_each   = toset(var.managed_policies)
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/${each.value}"
}

resource "aws_iam_user" "ci" {
  count = var.create_ci_user ? 1 : 0
  name  = "ci"
  path  = "/system/"
}

output "role_arn" {
  value = aws_iam_role.app.arn
}

output "ci_user" {
  value = one(aws_iam_user.ci[*].name)
}
