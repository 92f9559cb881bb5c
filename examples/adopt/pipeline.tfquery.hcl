# terraform query (Terraform 1.14+) lists what the dashboards hold;
# terraform query -generate-config-out=adopted.tf writes a resource block and
# an import block by identity for each result.

# The Braze REST API keys Amplitude can stream with.
list "braze_api_key" "streaming" {
  provider = braze
  config {
    name_prefix = "amplitude-"
    permission  = "users.track"
  }
}

# Amplitude's Braze destinations: event streams and cohort syncs.
list "amplitude_braze_destination" "all" {
  provider = amplitude
}

list "amplitude_braze_cohort_destination" "all" {
  provider = amplitude
}

# Destinations to other partners; the Braze ones are adopted above, by their
# typed resources.
list "amplitude_destination" "webhooks" {
  provider = amplitude
  config {
    partner = "webhook"
  }
}

# The Audiences syncs that push user properties through those destinations.
list "amplitude_sync" "user_properties" {
  provider = amplitude
  config {
    kind = "user_property"
  }
}
