variable "webhook_token" {
  description = "The bearer token the webhook receiver expects."
  type        = string
  sensitive   = true
}

# A partner the typed resources do not cover, by its Developer API parameters
# (data.amplitude_destination_type.<partner>.parameters lists them). config
# takes the non-secret parameters as an object; secrets go in secret_config.
resource "amplitude_destination" "webhook" {
  partner      = "webhook"
  display_name = "warehouse-webhook"

  config = {
    url        = "https://hooks.example.com/amplitude"
    batch_size = 100
    headers    = { "X-Team" = "growth" }
  }
  secret_config = { auth_token = var.webhook_token }

  event_filter      = { events = ["Purchase", "Sign Up"] }
  property_mappings = { event_properties = ["price"] }
}

# With Terraform or OpenTofu 1.11 and later, keep the secrets out of state:
# bump secret_config_wo_version whenever they change.
resource "amplitude_destination" "webhook_write_only" {
  partner      = "webhook"
  display_name = "warehouse-webhook-eu"

  config                   = { url = "https://hooks.example.eu/amplitude" }
  secret_config_wo         = { auth_token = var.webhook_token }
  secret_config_wo_version = 1
}
