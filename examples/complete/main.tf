# Two workspaces, an EU and a US one, each with its own Amplitude project and
# Braze workspace, built from one module through provider aliases.
terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
    braze     = { source = "ampbraze/braze" }
  }
}

provider "amplitude" {
  alias             = "eu"
  region            = "EU"
  access_token      = var.eu.amplitude_access_token
  project_id        = var.eu.amplitude_project_id
  api_key           = var.eu.amplitude_api_key
  secret_key        = var.eu.amplitude_secret_key
  base_url          = var.eu.amplitude_base_url
  developer_api_url = var.eu.amplitude_developer_api_url
}

provider "braze" {
  alias         = "eu"
  rest_endpoint = coalesce(var.eu.braze_admin_endpoint, provider::braze::rest_endpoint("EU-01"))
  api_key       = var.eu.braze_admin_key
}

provider "amplitude" {
  alias             = "us"
  region            = "US"
  access_token      = var.us.amplitude_access_token
  project_id        = var.us.amplitude_project_id
  api_key           = var.us.amplitude_api_key
  secret_key        = var.us.amplitude_secret_key
  base_url          = var.us.amplitude_base_url
  developer_api_url = var.us.amplitude_developer_api_url
}

provider "braze" {
  alias         = "us"
  rest_endpoint = coalesce(var.us.braze_admin_endpoint, provider::braze::rest_endpoint("US-05"))
  api_key       = var.us.braze_admin_key
}

module "eu" {
  source    = "../modules/braze-streaming"
  providers = { amplitude = amplitude.eu, braze = braze.eu }

  name                = "eu"
  amplitude_region    = "EU"
  braze_rest_endpoint = provider::braze::rest_endpoint("EU-01")
  braze_app_id        = var.eu.braze_app_id
  user_properties     = ["plan", "country"]
  computations        = ["cmp_ltv_90d"]
  events              = ["Purchase"]
  cadence             = "daily"
}

module "us" {
  source    = "../modules/braze-streaming"
  providers = { amplitude = amplitude.us, braze = braze.us }

  name                = "us"
  amplitude_region    = "US"
  braze_rest_endpoint = provider::braze::rest_endpoint("US-05")
  braze_app_id        = var.us.braze_app_id
  user_properties     = ["plan", "ltv"]
  computations        = ["cmp_ltv_90d", "cmp_sessions_7d"]
  cadence             = "hourly"
}
