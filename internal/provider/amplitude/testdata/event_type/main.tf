# One amplitude_event_type whose every argument is a variable, so that each
# step of a test sets only what it is about. An argument left null is one
# the configuration does not set.

variable "name" {
  type = string
}

variable "description" {
  type    = string
  default = null
}

variable "is_active" {
  type    = bool
  default = null
}

resource "amplitude_event_type" "test" {
  name        = var.name
  description = var.description
  is_active   = var.is_active
}
