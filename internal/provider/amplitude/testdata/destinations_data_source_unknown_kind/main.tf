# A kind Amplitude's destinations never have.
data "amplitude_destinations" "unknown" {
  kind = "stream"
}
