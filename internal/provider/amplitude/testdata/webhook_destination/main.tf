# One amplitude_destination of the sandbox's webhook partner, whose
# parameters are a URL, headers, a batch size, a format and a secret token.
# What it holds is one of the shapes in local.shapes, as the step's
# variables say. The write-only secret has a folder of its own,
# testdata/webhook_destination_write_only: a CLI without write-only
# attributes refuses a configuration that names one, even as a null
# variable.

variable "shape" {
  type    = string
  default = "full"
}

variable "enabled" {
  type    = bool
  default = null
}

locals {
  shapes = {
    full = {
      config = {
        url        = "https://hooks.example.com/amplitude"
        batch_size = 100
        format     = "ndjson"
        headers    = { "X-Team" = "growth" }
      }
      secret_config = { auth_token = "hook-token-1" }
      event_filter  = { events = ["Purchase"] }
    }
    # The format and headers left out, the batch size changed, and the event
    # filter replaced by a property mapping.
    trimmed = {
      config = {
        url        = "https://hooks.example.com/amplitude"
        batch_size = 250
      }
      secret_config     = { auth_token = "hook-token-1" }
      property_mappings = { event_properties = ["price"] }
    }
  }
  shape = local.shapes[var.shape]
}

resource "amplitude_destination" "test" {
  partner           = "webhook"
  display_name      = "hook"
  enabled           = var.enabled
  config            = local.shape.config
  secret_config     = lookup(local.shape, "secret_config", null)
  event_filter      = lookup(local.shape, "event_filter", null)
  property_mappings = lookup(local.shape, "property_mappings", null)
}
