# One amplitude_braze_destination whose name, key and what it sends are the
# step's variables. It holds the sandbox's admin key unless the step gives
# another. The write-only key has a folder of its own,
# testdata/braze_destination_write_only: a CLI without write-only attributes
# refuses a configuration that names one, even as a null variable.

variable "name" {
  type = string
}

variable "sends" {
  description = "What the destination sends: one of the shapes in local.shapes."
  type        = string
  default     = "users"
}

variable "braze_endpoint" {
  type    = string
  default = null
}

variable "braze_api_key" {
  type    = string
  default = null
}

variable "user_alias" {
  description = "Whether users are matched by a Braze user alias rather than by external_id."
  type        = bool
  default     = false
}

locals {
  shapes = {
    users = {
      send_users = { user_properties = ["plan"] }
    }
    events_and_users = {
      send_events = {
        events           = ["Purchase", "Sign Up"]
        filters          = [{ property = "country", operator = "is", values = ["US", "CA"] }, { property = "ltv", operator = "greater_than", values = ["100"] }]
        event_properties = ["price"]
        user_properties  = ["plan"]
      }
      send_users = { user_properties = ["plan", "country"] }
    }
    all_events_disabled = {
      enabled           = false
      update_users_only = true
      send_events       = { all_events = true }
    }
    # Modules pass [] as a default: an empty list means none.
    empty_lists = {
      send_events = {
        events           = ["Purchase"]
        filters          = []
        event_properties = []
        user_properties  = []
      }
    }
  }
  shape = local.shapes[var.sends]
}

resource "amplitude_braze_destination" "test" {
  name           = var.name
  braze_endpoint = coalesce(var.braze_endpoint, local.sandbox.braze_endpoint)
  braze_app_id   = local.sandbox.braze_app_id
  identifier_mapping = {
    amplitude_property = var.user_alias ? "amplitude_id" : "user_id"
    braze_identifier   = var.user_alias ? "user_alias" : "external_id"
  }
  user_alias_label = var.user_alias ? "amplitude_id" : null

  braze_api_key = coalesce(var.braze_api_key, local.sandbox.braze_admin_key)

  enabled           = lookup(local.shape, "enabled", null)
  update_users_only = lookup(local.shape, "update_users_only", null)
  send_events       = lookup(local.shape, "send_events", null)
  send_users        = lookup(local.shape, "send_users", null)
}
