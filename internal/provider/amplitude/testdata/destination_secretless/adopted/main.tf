# A Braze event stream adopted as terraform query -generate-config-out
# writes it: without its key, which Amplitude never returns.

variable "destination_id" {
  type = string
}

variable "name" {
  type = string
}

import {
  to = amplitude_braze_destination.adopted
  identity = {
    id = var.destination_id
  }
}

resource "amplitude_braze_destination" "adopted" {
  name           = var.name
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_events = {
    all_events = true
  }
}
