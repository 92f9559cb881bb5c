terraform {
  required_providers {
    braze = { source = "ampbraze/braze" }
  }
}

# A key with the api_keys.* permissions (to manage keys) and
# custom_attributes.get (to read attributes). Leave the attributes out to use
# BRAZE_REST_ENDPOINT and BRAZE_API_KEY instead.
provider "braze" {
  rest_endpoint = "https://rest.iad-05.braze.com"
  api_key       = var.braze_admin_key
}

variable "braze_admin_key" {
  type      = string
  sensitive = true
}
