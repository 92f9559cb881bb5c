provider "braze" {
  rest_endpoint = "http://rest.iad-05.braze.com"
  api_key       = "k"
}
data "braze_custom_attributes" "x" {}
