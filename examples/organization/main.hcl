# Example GmbH: people from people.auto.iamvars, grouped into teams, with permissions
# granted to groups at project, all-projects and global scope.
#
# Files:
#   variables.hcl        inputs (the people map, office networks, the CI user's name)
#   people.auto.iamvars  the people map; read automatically because of its name
#   main.hcl             projects, system policies and shared locals (this file)
#   users.hcl            one user per person, and the CI user with its access key
#   groups.hcl           groups and their memberships, computed from the people map
#   policies.hcl         custom policies
#   attachments.hcl      who gets which policy, in which scope
#   outputs.hcl          outputs

locals {
  regions = ["eu-de", "eu-nl"]

  # Every system-defined policy or role this config grants, by display name.
  system_policies = toset([
    "ECS CommonOperations",
    "ECS FullAccess",
    "ECS ReadOnlyAccess",
    "EVS ReadOnlyAccess",
    "IAM ReadOnlyAccess",
    "IMS FullAccess",
    "Security Administrator",
    "VPC FullAccess",
    "VPC ReadOnlyAccess",
  ])
}

# Region projects exist in every backend; they are read, not managed.
data "iam_project" "region" {
  for_each = toset(local.regions)
  name     = each.key
}

data "iam_policy" "system" {
  for_each = local.system_policies
  name     = each.key
}

# A sub-project of eu-de for the payments product, isolated from the rest of eu-de.
resource "iam_project" "payments" {
  name        = "eu-de_payments"
  description = "Payments product (PCI scope)"
}
