terraform {
  required_providers {
    braze = { source = "ampbraze/braze" }
  }
}

# A key with the permissions the configuration needs: api_keys.create,
# api_keys.info, api_keys.delete and api_keys.list to manage keys,
# custom_attributes.get, events.get and segments.list for the data sources.
# Leave the attributes out to use BRAZE_REST_ENDPOINT and BRAZE_API_KEY
# instead.
provider "braze" {
  rest_endpoint = "https://rest.iad-05.braze.com"
  api_key       = var.braze_admin_key
}

variable "braze_admin_key" {
  type      = string
  sensitive = true
}
