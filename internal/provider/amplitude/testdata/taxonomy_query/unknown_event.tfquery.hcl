list "amplitude_event_property" "bad" {
  provider = amplitude
  config {
    event_type = "Never Sent"
  }
}
