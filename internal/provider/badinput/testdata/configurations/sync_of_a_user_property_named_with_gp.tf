resource "amplitude_sync" "x" {
  kind           = "user_property"
  source_id      = "gp:plan"
  destination_id = "d"
  cadence        = "daily"
}
