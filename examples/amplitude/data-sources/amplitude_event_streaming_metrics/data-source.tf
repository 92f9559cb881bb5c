variable "destination_id" {
  description = "The sync id of an amplitude_braze_destination."
  type        = string
}

data "amplitude_event_streaming_metrics" "last_day" {
  sync_id     = var.destination_id
  time_period = "ONE_DAY"
}

# Fail a CI check when fewer than 99% of yesterday's events reached Braze.
check "braze_delivery" {
  assert {
    condition     = data.amplitude_event_streaming_metrics.last_day.delivery_rate >= 0.99
    error_message = "Only ${data.amplitude_event_streaming_metrics.last_day.delivery_rate * 100}% of events reached Braze in the last day."
  }
}
