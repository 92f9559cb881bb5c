resource "amplitude_event_property" "x" {
  event_type = "Purchase"
  name       = "coupon"
  type       = "string"
  regex      = "(unclosed"
}
