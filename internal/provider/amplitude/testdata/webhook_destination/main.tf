# One amplitude_destination of the sandbox's webhook partner, whose
# parameters are a URL, headers, a batch size, a format and a secret token.
# What it holds is one of the shapes in local.shapes, as the step's
# variables say.

variable "shape" {
  type    = string
  default = "full"
}

variable "enabled" {
  type    = bool
  default = null
}

variable "auth_token_wo" {
  type    = string
  default = null
}

variable "auth_token_wo_version" {
  type    = number
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
    # Only the URL: the secret comes from auth_token_wo.
    url_only = {
      config = { url = "https://hooks.example.com/amplitude" }
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

  secret_config_wo         = var.auth_token_wo == null ? null : { auth_token = var.auth_token_wo }
  secret_config_wo_version = var.auth_token_wo_version
}
