# Look a project up by name, e.g. to check that project_id names the
# project a workspace means.
data "amplitude_project" "production" {
  name = "Production"
}

output "production_project_id" {
  value = data.amplitude_project.production.id
}
