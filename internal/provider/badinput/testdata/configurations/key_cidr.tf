resource "braze_api_key" "x" {
  name        = "k"
  permissions = ["users.track"]
  allowed_ips = ["10.0.0.0/33"]
}
