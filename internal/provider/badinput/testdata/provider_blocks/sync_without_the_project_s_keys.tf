provider "amplitude" {
  access_token      = local.sandbox.developer_token
  project_id        = local.sandbox.project_id
  developer_api_url = local.sandbox.developer_api_url
}
resource "amplitude_sync" "x" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = "d"
  cadence        = "daily"
}
