list "braze_api_key" "typo" {
  provider = braze
  config {
    permission = "users.trak"
  }
}
