output "eu" {
  description = "The EU workspace's object ids."
  value       = { destination = module.eu.destination_id, key = module.eu.braze_api_key_id, syncs = module.eu.sync_ids }
}

output "us" {
  description = "The US workspace's object ids."
  value       = { destination = module.us.destination_id, key = module.us.braze_api_key_id, syncs = module.us.sync_ids }
}
