list "braze_api_key" "empty" {
  provider = braze
  config {
    name_prefix = ""
  }
}
