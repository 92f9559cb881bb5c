# Adopt an event already in the tracking plan by its identity: the numeric
# id of the provider's project and the event type.
import {
  to = amplitude_event_type.order_completed
  identity = {
    project_id = "424242"
    name       = "Order Completed"
  }
}
