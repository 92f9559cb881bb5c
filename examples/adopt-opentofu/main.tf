# Adopting the Braze event streams someone made in Amplitude's dashboard on
# OpenTofu, which has no terraform query (the guide "Adopting an existing
# pipeline"): the amplitude_destinations data source lists them, and an
# import block with for_each imports each by its id. Put this beside the
# guide's providers.tf.
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

# The data source gives each stream's name and whether it is enabled; write
# the settings your streams share (Amplitude's dashboard shows them). A
# stream adopted without its Braze key plans nothing while it stays as it
# is; any later change needs braze_api_key_wo and its version.
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
