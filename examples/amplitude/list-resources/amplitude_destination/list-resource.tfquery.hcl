# Every destination of any partner, and the disabled webhooks alone.
list "amplitude_destination" "all" {
  provider = amplitude
}

list "amplitude_destination" "disabled_webhooks" {
  provider         = amplitude
  include_resource = true

  config {
    partner = "webhook"
    enabled = false
  }
}
