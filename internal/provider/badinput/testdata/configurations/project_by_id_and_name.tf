data "amplitude_project" "x" {
  id   = local.sandbox.project_id
  name = "Production"
}
