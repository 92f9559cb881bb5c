# A kind Amplitude's destinations never have.
list "amplitude_destination" "unknown" {
  provider = amplitude
  config {
    kind = "webhook"
  }
}
