# The events a Braze stream forwards, declared in the tracking plan so that
# a renamed event shows in review instead of silently stopping the stream.
resource "amplitude_event_type" "order_completed" {
  name        = "Order Completed"
  description = "The user paid for an order."
}

resource "amplitude_event_type" "push_sent" {
  name        = "Push Notification Sent"
  description = "Braze sent the user a push notification."
  is_active   = false # happens to the user, not an action of theirs
}
