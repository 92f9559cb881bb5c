# Lists every taxonomy type and syncs, with the whole object.

list "amplitude_event_type" "checkout" {
  provider         = amplitude
  include_resource = true
  config {
    name_prefix = "Checkout"
  }
}

list "amplitude_event_property" "checkout" {
  provider         = amplitude
  include_resource = true
  config {
    event_type = "Checkout Started"
  }
}

list "amplitude_user_property" "all" {
  provider         = amplitude
  include_resource = true
}

list "amplitude_sync" "user_property" {
  provider         = amplitude
  include_resource = true
  config {
    kind = "user_property"
  }
}
