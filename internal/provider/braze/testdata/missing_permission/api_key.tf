resource "braze_api_key" "x" {
  name        = "k"
  permissions = ["users.track"]
}
