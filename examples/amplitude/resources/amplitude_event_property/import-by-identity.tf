# Adopt an event property already in the tracking plan by its identity: the
# numeric id of the provider's project, the event type and the property.
import {
  to = amplitude_event_property.price
  identity = {
    project_id = "424242"
    event_type = "Order Completed"
    name       = "price"
  }
}
