# Check that the events Amplitude streams arrive in Braze as custom events.
data "braze_custom_events" "all" {}

output "purchase_arrived" {
  value = contains(data.braze_custom_events.all.names, "Purchase")
}
