# A day of delivery metrics of the destination of testdata/braze_destination,
# which the test adds.

data "amplitude_event_streaming_metrics" "day" {
  sync_id     = amplitude_braze_destination.test.id
  time_period = "ONE_DAY"
}
