provider "amplitude" {
  project_id        = local.sandbox.project_id
  developer_api_url = local.sandbox.developer_api_url
}
data "amplitude_destination_type" "x" { partner = "braze" }
