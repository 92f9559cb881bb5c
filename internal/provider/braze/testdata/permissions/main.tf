# What the list of Braze REST key permissions holds.

locals {
  all = provider::braze::permissions()
}

output "count" {
  value = length(local.all)
}

output "sorted" {
  value = local.all == sort(local.all)
}

output "track" {
  value = contains(local.all, "users.track")
}

output "keys" {
  value = contains(local.all, "api_keys.create")
}
