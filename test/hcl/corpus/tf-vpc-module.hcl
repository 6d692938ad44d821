terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  backend "s3" {
    bucket = "tf-state"
    key    = "network/terraform.tfstate"
    region = "eu-central-1"
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"

  name = "main"
  cidr = "10.0.0.0/16"

  azs             = ["eu-central-1a", "eu-central-1b", "eu-central-1c"]
  private_subnets = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)]
  public_subnets  = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i + 100)]

  enable_nat_gateway = true
  single_nat_gateway = var.environment != "prod"

  tags = merge(local.common_tags, {
    Tier = "network"
  })
}
