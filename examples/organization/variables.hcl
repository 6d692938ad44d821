variable "people" {
  description = "Everyone who signs in to the console, keyed by user name. Set in people.auto.iamvars."
  type = map(object({
    display_name = string
    email        = string
    team         = string
    on_call      = optional(bool, false)
    phone = optional(object({
      country_code = string
      number       = string
    }))
  }))

  validation {
    condition     = alltrue([for p in var.people : contains(["platform", "security", "developers", "auditors"], p.team)])
    error_message = "Every person's team must be one of platform, security, developers or auditors."
  }
}

variable "office_networks" {
  description = "Source networks from which on-call engineers may restart servers."
  type        = list(string)
  default     = ["10.20.0.0/16", "192.0.2.0/24"]
}

variable "ci_user_name" {
  description = "Name of the user the deployment pipeline signs in as."
  type        = string
  default     = "ci-deployer"
}
