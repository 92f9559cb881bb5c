resource "amplitude_user_property" "x" {
  name            = "tier"
  classifications = ["SECRET"]
}
