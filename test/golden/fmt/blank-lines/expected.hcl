# Leading blank lines are dropped.
a = 1

b = 2
resource "iam_group" "one" {
  name = "one"

  description = "blank lines inside collapse; none after { or before }"
}

resource "iam_group" "two" {
  name = "two"
}

data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }
# A comment between blocks keeps them as written.
resource "iam_group" "three" {
  name = "three"
}
