provider "braze" {
  rest_endpoint   = local.sandbox.braze_url
  api_key         = local.sandbox.braze_admin_key
  request_timeout = "3h"
}
data "braze_custom_attributes" "x" {}

