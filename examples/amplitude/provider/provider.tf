terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
  }
}

# Destinations go through Amplitude's Developer API: a Personal Access Token
# (Amplitude › profile settings › Personal access tokens) with the
# destinations:read and destinations:write scopes, and the project's id.
# Syncs, cohorts, delivery metrics and user properties take the project's API
# key and secret key. Give only what the configuration's objects need; leave
# any out to use AMPLITUDE_ACCESS_TOKEN, AMPLITUDE_PROJECT_ID,
# AMPLITUDE_API_KEY and AMPLITUDE_SECRET_KEY instead.
provider "amplitude" {
  access_token = var.amplitude_access_token
  project_id   = "424242"
  api_key      = var.amplitude_api_key
  secret_key   = var.amplitude_secret_key
  region       = "EU" # the project's data region; US when left out
}

variable "amplitude_access_token" {
  type      = string
  sensitive = true
}

variable "amplitude_api_key" {
  type = string
}

variable "amplitude_secret_key" {
  type      = string
  sensitive = true
}
