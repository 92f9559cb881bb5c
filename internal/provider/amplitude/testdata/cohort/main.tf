# One amplitude_cohort data source, looked up by id or by name as the step's
# variables say.

variable "id" {
  type    = string
  default = null
}

variable "name" {
  type    = string
  default = null
}

data "amplitude_cohort" "x" {
  id   = var.id
  name = var.name
}
