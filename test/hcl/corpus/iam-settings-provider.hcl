iamform {
  required_version = ">= 0.1.0"

  state "local" {
    path = "state/prod.iamstate.json"
  }
}

provider "iam" {
  backend = "embedded"
  path    = ".iamform/iam.db"
  domain  = "acme"
}
