resource "amplitude_user_property" "x" {
  name         = "tier"
  display_name = ""
}
