locals {
  short = 1
  tags = {
    team = "platform"
    cost_center = "42"
  }
  after = 2
  longer_name = 3
  members = [
    "alice",
  ]
  policy = <<EOT
{"Version": "1.1"}
EOT
  last = true
  z = false
}
