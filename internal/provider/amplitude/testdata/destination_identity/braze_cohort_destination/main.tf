# Adopts a Braze cohort destination made out of band by its identity, and
# sends its data import key once in the write-only form: Amplitude never
# returns the key.

variable "project_id" {
  type    = string
  default = null
}

variable "destination_id" {
  type = string
}

import {
  to = amplitude_braze_cohort_destination.adopted
  identity = {
    project_id = var.project_id
    id         = var.destination_id
  }
}

resource "amplitude_braze_cohort_destination" "adopted" {
  name           = "adopted-cohorts"
  braze_endpoint = local.sandbox.braze_endpoint
  identifier_mappings = [{
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }]
  data_import_key_wo         = local.sandbox.braze_data_import_key
  data_import_key_wo_version = 1
}
