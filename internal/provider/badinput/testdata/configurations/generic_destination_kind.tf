resource "amplitude_destination" "x" {
  partner      = "webhook"
  display_name = "x"
  kind         = ["stream"]
}
