# The tracking plan the stream relies on: the events it sends, their
# properties, and the user properties the syncs push.
list "amplitude_event_type" "checkout" {
  provider = amplitude
  config {
    name_prefix = "Checkout"
  }
}

# Event properties are listed per event type, which is required.
list "amplitude_event_property" "checkout_started" {
  provider = amplitude
  config {
    event_type = "Checkout Started"
  }
}

list "amplitude_user_property" "loyalty" {
  provider = amplitude
  config {
    name_prefix = "loyalty_"
  }
}
