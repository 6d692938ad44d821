variable "env" {
  type        = string
  description = "Deployment environment"
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.env)
    error_message = "The env must be one of dev, staging or prod."
  }
}

variable "users" {
  type = list(object({
    name  = string
    email = string
    admin = optional(bool, false)
  }))

  validation {
    condition     = alltrue([for u in var.users : can(regex("^[a-z][a-z0-9-]*$", u.name))])
    error_message = "User names must be lowercase and start with a letter."
  }

  validation {
    condition     = length(var.users) == length(distinct([for u in var.users : u.email]))
    error_message = "Emails must be unique."
  }
}

variable "initial_password" {
  type      = string
  sensitive = true
  nullable  = false
}

variable "max_keys" {
  type    = number
  default = 2
}
