resource "amplitude_sync" "x" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = "d"
  cadence        = "realtime"
}
