data "amplitude_event_streaming_metrics" "x" {
  sync_id     = ""
  time_period = "ONE_DAY"
}
