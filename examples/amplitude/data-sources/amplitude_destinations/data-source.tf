# Adopt the Braze event streams someone made in Amplitude's dashboard, on
# OpenTofu (which has no terraform query) or any Terraform from 1.7: list
# them, then import each by its id with a for_each import block. Amplitude
# never returns their Braze key; an adopted destination left as it is needs
# none, and any later change needs braze_api_key_wo (with its version) set.
data "amplitude_destinations" "braze_streams" {
  partner = "braze"
  kind    = "event"
}

locals {
  # Keyed by id: names need not be unique.
  braze_streams = { for d in data.amplitude_destinations.braze_streams.destinations : d.id => d }
}

import {
  for_each = local.braze_streams
  to       = amplitude_braze_destination.adopted[each.key]
  id       = each.value.id
}

# Every stream here forwards all events to one Braze app; write the
# settings your streams have.
resource "amplitude_braze_destination" "adopted" {
  for_each       = local.braze_streams
  name           = each.value.name
  enabled        = each.value.enabled
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"

  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }

  send_events = { all_events = true }
}
