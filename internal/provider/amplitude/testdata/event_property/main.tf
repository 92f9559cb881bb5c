# One amplitude_event_property whose every argument is a variable, so that
# each step of a test sets only what it is about. An argument left null is
# one the configuration does not set. With planned_event set, the property
# belongs to an event type this configuration manages; otherwise to
# event_type, an event already in the sandbox.

variable "planned_event" {
  type    = string
  default = null
}

variable "event_type" {
  type    = string
  default = null
}

variable "name" {
  type = string
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

variable "is_array_type" {
  type    = bool
  default = null
}

variable "is_hidden" {
  type    = bool
  default = null
}

resource "amplitude_event_type" "planned" {
  count = var.planned_event == null ? 0 : 1
  name  = var.planned_event
}

resource "amplitude_event_property" "test" {
  event_type      = var.planned_event == null ? var.event_type : amplitude_event_type.planned[0].name
  name            = var.name
  description     = var.description
  type            = var.type
  regex           = var.regex
  enum_values     = var.enum_values
  classifications = var.classifications
  is_array_type   = var.is_array_type
  is_hidden       = var.is_hidden
}
