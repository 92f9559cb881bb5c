resource "amplitude_event_property" "x" {
  event_type  = "Purchase"
  name        = "size"
  type        = "enum"
  enum_values = ["small", " large"]
}
