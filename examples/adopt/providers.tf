# Adopting an existing Amplitude → Braze pipeline (the guide "Adopting an
# existing pipeline"). The providers read their credentials and hosts from
# the environment: AMPLITUDE_ACCESS_TOKEN and AMPLITUDE_PROJECT_ID (the
# Developer API: destinations and the tracking plan), AMPLITUDE_API_KEY and
# AMPLITUDE_SECRET_KEY (syncs), BRAZE_REST_ENDPOINT and BRAZE_API_KEY (keys).
terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
    braze     = { source = "ampbraze/braze" }
  }
}

provider "amplitude" {}

provider "braze" {}
