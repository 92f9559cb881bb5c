# The properties of one event in the tracking plan: event_type is required.
list "amplitude_event_property" "order_completed" {
  provider         = amplitude
  include_resource = true

  config {
    event_type = "Order Completed"
    type       = "number"
  }
}
