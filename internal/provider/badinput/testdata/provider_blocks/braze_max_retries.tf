provider "braze" {
  rest_endpoint = local.sandbox.braze_url
  api_key       = local.sandbox.braze_admin_key
  max_retries   = -1
}
data "braze_custom_attributes" "x" {}

