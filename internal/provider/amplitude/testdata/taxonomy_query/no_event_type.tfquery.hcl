list "amplitude_event_property" "bad" {
  provider = amplitude
  config {
    name_prefix = "c"
  }
}
