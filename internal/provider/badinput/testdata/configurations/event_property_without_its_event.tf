resource "amplitude_event_property" "x" { name = "price" }
