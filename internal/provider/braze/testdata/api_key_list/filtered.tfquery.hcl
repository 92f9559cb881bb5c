# The keys whose names start with "amplitude-", and of those the ones that
# can track users, with their full objects.

list "braze_api_key" "amplitude" {
  provider = braze
  config {
    name_prefix = "amplitude-"
  }
}

list "braze_api_key" "streaming" {
  provider         = braze
  include_resource = true
  config {
    name_prefix = "amplitude-"
    permission  = "users.track"
  }
}
