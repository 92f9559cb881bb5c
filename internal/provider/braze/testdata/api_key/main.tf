# One braze_api_key whose arguments are the step's variables.

variable "name" {
  type = string
}

variable "permissions" {
  type = set(string)
}

variable "allowed_ips" {
  type    = set(string)
  default = null
}

resource "braze_api_key" "test" {
  name        = var.name
  permissions = var.permissions
  allowed_ips = var.allowed_ips
}
