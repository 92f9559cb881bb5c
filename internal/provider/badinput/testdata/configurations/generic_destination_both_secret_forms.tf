resource "amplitude_destination" "x" {
  partner                  = "webhook"
  display_name             = "x"
  secret_config            = { auth_token = "t" }
  secret_config_wo_version = 1
}
