# terraform query lists the events of the tracking plan;
# terraform query -generate-config-out=events.tf writes an import block and
# a resource for each, ready to apply.
list "amplitude_event_type" "checkout" {
  provider         = amplitude
  include_resource = true

  config {
    name_prefix = "Checkout"
    is_active   = true
  }
}
