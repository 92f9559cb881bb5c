# One amplitude_braze_cohort_destination that holds its data import key in
# write-only form: the key is sent when data_import_key_wo_version changes.

variable "name" {
  type = string
}

variable "data_import_key_wo" {
  type = string
}

variable "data_import_key_wo_version" {
  type = number
}

resource "amplitude_braze_cohort_destination" "test" {
  name                       = var.name
  braze_endpoint             = local.sandbox.braze_endpoint
  data_import_key_wo         = var.data_import_key_wo
  data_import_key_wo_version = var.data_import_key_wo_version
  identifier_mappings = [
    { amplitude_property = "user_id", braze_identifier = "external_id" },
  ]
}
