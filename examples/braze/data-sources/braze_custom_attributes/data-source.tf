data "braze_custom_attributes" "all" {}

# The names of the workspace's active custom attributes.
output "active_custom_attributes" {
  value = [for a in data.braze_custom_attributes.all.attributes : a.name if a.status == "Active"]
}
