locals {
  environments = ["dev", "staging", "prod"]

  env_config = {
    dev     = { instances = 1, size = "small" }
    staging = { instances = 2, size = "medium" }
    prod    = { instances = 3, size = "large" }
  }

  instances = flatten([
    for env in local.environments : [
      for i in range(local.env_config[env].instances) : {
        name = "${env}-${i}"
        size = local.env_config[env].size
      }
    ]
  ])

  by_name  = { for inst in local.instances : inst.name => inst }
  by_size  = { for inst in local.instances : inst.size => inst.name... }
  prod_only = [for inst in local.instances : inst if startswith(inst.name, "prod")]
  total    = sum([for env in local.environments : local.env_config[env].instances])
  percent  = floor(length(local.prod_only) * 100 / local.total)
}
