# A key with every permission, as Braze's Amplitude integration guide asks
# for, less the ones that manage keys.
resource "braze_api_key" "integration" {
  name        = "amplitude-integration"
  permissions = setsubtract(provider::braze::permissions(), ["api_keys.create", "api_keys.delete", "api_keys.info", "api_keys.list"])
}
