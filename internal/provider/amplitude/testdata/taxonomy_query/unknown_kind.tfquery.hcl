list "amplitude_sync" "bad" {
  provider = amplitude
  config {
    kind = "segment"
  }
}
