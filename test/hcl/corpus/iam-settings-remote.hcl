iamform {
  state "postgres" {
    url    = "postgres://iamform@db.internal:5432/iam"
    schema = "iamform_state"
  }
}

provider "iam" {
  backend  = "http"
  endpoint = "https://iam.eu-de.example.com/v3"
  domain   = var.domain_name
}
