resource "amplitude_user_property" "x" {
  name        = "tier"
  type        = "enum"
  enum_values = []
}
