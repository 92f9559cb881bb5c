terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
  }
}

# Credentials from the project's settings in Amplitude. Leave them out to use
# AMPLITUDE_API_KEY and AMPLITUDE_SECRET_KEY instead.
provider "amplitude" {
  api_key    = var.amplitude_api_key
  secret_key = var.amplitude_secret_key
  region     = "EU" # the project's data region; US when left out
}

variable "amplitude_api_key" {
  type = string
}

variable "amplitude_secret_key" {
  type      = string
  sensitive = true
}
