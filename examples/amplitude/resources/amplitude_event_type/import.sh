# The import id is the event type as your code sends it.
terraform import amplitude_event_type.purchase "Purchase"
