# Twenty reads of one destination's delivery metrics: more than Amplitude's
# delivery metrics API answers in a minute.

variable "sync_id" {
  type = string
}

data "amplitude_event_streaming_metrics" "each" {
  count       = 20
  sync_id     = var.sync_id
  time_period = "ONE_DAY"
}
