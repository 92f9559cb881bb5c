# The import id is <event type>/<property name>; the event type is what comes
# before the first slash.
terraform import amplitude_event_property.price "Purchase/price"
