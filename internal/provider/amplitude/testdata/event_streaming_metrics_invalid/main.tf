# Delivery metrics for a period Amplitude does not offer. The values are
# written out rather than passed in variables: Terraform validates a data
# source whose read waits for a resource only with its variables unknown.

data "amplitude_event_streaming_metrics" "x" {
  sync_id     = "x"
  time_period = "ONE_MONTH"
}
