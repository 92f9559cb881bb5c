# Terraform 1.12 and later: import by identity, the project and the
# destination's id (terraform query writes these blocks). project_id may be
# left out; it is then the provider's, and another project is refused.
import {
  to = amplitude_braze_destination.stream
  identity = {
    project_id = "424242"
    id         = "3b0f6c1e-2a4d-4e8f-9b7c-5d1a2e3f4b6c"
  }
}
