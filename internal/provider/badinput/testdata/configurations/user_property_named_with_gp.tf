resource "amplitude_user_property" "x" {
  name = "gp:plan"
}
