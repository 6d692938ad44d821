variable "subnets" {
  type = map(object({
    cidr   = string
    public = optional(bool, false)
    tags   = optional(map(string), {})
  }))
  default = {}

  validation {
    condition = alltrue([
      for name, s in var.subnets : can(cidrhost(s.cidr, 0))
    ])
    error_message = "Every subnet needs a valid CIDR block."
  }
}

variable "instance_types" {
  type    = set(string)
  default = ["t3.micro", "t3.small"]
}

variable "tuple_var" {
  type    = tuple([string, number, bool])
  default = ["a", 1, true]
}

variable "anything" {
  type     = any
  default  = null
  nullable = true
}
