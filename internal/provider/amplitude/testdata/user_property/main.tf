# One amplitude_user_property whose every argument is a variable, so that
# each step of a test sets only what it is about. An argument left null is
# one the configuration does not set.

variable "name" {
  type = string
}

variable "display_name" {
  type    = string
  default = null
}

variable "description" {
  type    = string
  default = null
}

variable "type" {
  type    = string
  default = null
}

variable "regex" {
  type    = string
  default = null
}

variable "enum_values" {
  type    = set(string)
  default = null
}

variable "classifications" {
  type    = set(string)
  default = null
}

variable "is_hidden" {
  type    = bool
  default = null
}

resource "amplitude_user_property" "test" {
  name            = var.name
  display_name    = var.display_name
  description     = var.description
  type            = var.type
  regex           = var.regex
  enum_values     = var.enum_values
  classifications = var.classifications
  is_hidden       = var.is_hidden
}
