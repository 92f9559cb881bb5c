resource "amplitude_event_type" "order_completed" {
  name = "Order Completed"
}

resource "amplitude_event_property" "price" {
  event_type      = amplitude_event_type.order_completed.name
  name            = "price"
  description     = "The order's total in the currency given."
  type            = "number"
  classifications = ["REVENUE"]
}

resource "amplitude_event_property" "currency" {
  event_type  = amplitude_event_type.order_completed.name
  name        = "currency"
  type        = "enum"
  enum_values = ["USD", "EUR", "GBP"]
}
