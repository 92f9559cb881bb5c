# The key a test makes in Braze's dashboard and then imports.

resource "braze_api_key" "k" {
  name        = "made in the dashboard"
  permissions = ["users.track"]
}
