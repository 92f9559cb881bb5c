provider "braze" {
  rest_endpoint = local.sandbox.braze_url
}
data "braze_custom_attributes" "x" {}
