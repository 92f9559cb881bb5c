# One amplitude_braze_cohort_destination whose name, data import key and
# identifier mappings are the step's variables. It holds the data import key
# the tests share unless the step gives another. The write-only key has a
# folder of its own, testdata/braze_cohort_destination_write_only: a CLI
# without write-only attributes refuses a configuration that names one,
# even as a null variable.

variable "name" {
  type = string
}

variable "mappings" {
  description = "The identifier mappings, in priority order: one of the lists in local.mappings."
  type        = string
  default     = "external_then_device"
}

variable "data_import_key" {
  type    = string
  default = null
}

locals {
  mappings = {
    one = [
      { amplitude_property = "user_id", braze_identifier = "external_id" },
    ]
    external_then_device = [
      { amplitude_property = "user_id", braze_identifier = "external_id" },
      { amplitude_property = "device_id", braze_identifier = "device_id" },
    ]
    alias_first = [
      { amplitude_property = "amplitude_id", braze_identifier = "user_alias" },
      { amplitude_property = "user_id", braze_identifier = "external_id" },
      { amplitude_property = "device_id", braze_identifier = "device_id" },
    ]
  }
}

resource "amplitude_braze_cohort_destination" "test" {
  name           = var.name
  braze_endpoint = local.sandbox.braze_endpoint

  data_import_key = coalesce(var.data_import_key, local.sandbox.braze_data_import_key)

  user_alias_label    = var.mappings == "alias_first" ? "amplitude_id" : null
  identifier_mappings = local.mappings[var.mappings]
}
