# An identity that names another project than the provider's.

import {
  to = amplitude_event_type.elsewhere
  identity = {
    project_id = "999999"
    name       = "Purchase"
  }
}

resource "amplitude_event_type" "elsewhere" {
  name = "Purchase"
}
