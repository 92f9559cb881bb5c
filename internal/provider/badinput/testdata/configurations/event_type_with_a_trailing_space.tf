resource "amplitude_event_type" "x" { name = "Purchase " }
