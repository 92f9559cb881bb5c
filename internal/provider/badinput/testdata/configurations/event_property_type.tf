resource "amplitude_event_property" "x" {
  event_type = "Purchase"
  name       = "price"
  type       = "decimal"
}
