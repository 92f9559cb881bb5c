provider "amplitude" {
  access_token      = local.sandbox.developer_token
  developer_api_url = local.sandbox.developer_api_url
}
data "amplitude_project" "x" { id = local.sandbox.project_id }
