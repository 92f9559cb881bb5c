# The user-property syncs that write to one Braze destination.
list "amplitude_sync" "to_braze" {
  provider         = amplitude
  include_resource = true

  config {
    kind           = "user_property"
    destination_id = "5f2d7c1e-9a4b-4c3d-8e2f-1a2b3c4d5e6f"
  }
}
