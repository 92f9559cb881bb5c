output "braze_api_key_id" {
  description = "The Braze key's identifier (not the secret)."
  value       = braze_api_key.stream.id
}

output "destination_id" {
  description = "The event-stream destination's sync id."
  value       = amplitude_braze_destination.stream.id
}

output "sync_ids" {
  description = "The sync ids by source: user property names and computation ids."
  value = merge(
    { for name, sync in amplitude_sync.user_property : name => sync.id },
    { for id, sync in amplitude_sync.computation : id => sync.id },
  )
}
