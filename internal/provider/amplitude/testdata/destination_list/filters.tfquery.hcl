# The destination lists over the destinations a test made out of band:
# two enabled event streams (one of kind event, one of kind identify), a
# disabled one, a cohort destination and a webhook.

list "amplitude_braze_destination" "all" {
  provider = amplitude
}

list "amplitude_braze_destination" "sending_events" {
  provider = amplitude
  config {
    kind    = "event"
    enabled = true
  }
}

list "amplitude_braze_destination" "disabled" {
  provider         = amplitude
  include_resource = true
  config {
    enabled = false
  }
}

list "amplitude_braze_cohort_destination" "all" {
  provider         = amplitude
  include_resource = true
}

list "amplitude_destination" "all" {
  provider = amplitude
}

list "amplitude_destination" "cohorts" {
  provider = amplitude
  config {
    kind = "cohort"
  }
}

list "amplitude_destination" "webhooks" {
  provider         = amplitude
  include_resource = true
  config {
    partner = "webhook"
  }
}
