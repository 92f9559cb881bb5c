resource "amplitude_sync" "x" {
  kind           = "segment"
  source_id      = "s"
  destination_id = "d"
  cadence        = "daily"
}
