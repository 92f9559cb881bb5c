data "amplitude_event_streaming_metrics" "x" {
  sync_id     = "s"
  time_period = "CUSTOM"
}
