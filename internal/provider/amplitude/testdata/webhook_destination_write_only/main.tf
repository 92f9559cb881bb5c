# A webhook destination that holds its secret token in write-only form: the
# token is sent when auth_token_wo_version changes.

variable "auth_token_wo" {
  type = string
}

variable "auth_token_wo_version" {
  type = number
}

resource "amplitude_destination" "test" {
  partner                  = "webhook"
  display_name             = "hook"
  config                   = { url = "https://hooks.example.com/amplitude" }
  secret_config_wo         = { auth_token = var.auth_token_wo }
  secret_config_wo_version = var.auth_token_wo_version
}
