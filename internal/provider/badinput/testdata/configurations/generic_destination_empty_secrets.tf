resource "amplitude_destination" "x" {
  partner       = "webhook"
  display_name  = "x"
  secret_config = {}
}
