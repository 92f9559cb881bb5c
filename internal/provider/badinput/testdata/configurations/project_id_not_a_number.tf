data "amplitude_project" "x" { id = "prod" }
