# Finds what a dashboard user made: every Braze event stream, every Braze
# cohort destination and the webhooks, with their attributes, for
# terraform query -generate-config-out to write as configuration.

list "amplitude_braze_destination" "streams" {
  provider         = amplitude
  include_resource = true
}

list "amplitude_braze_cohort_destination" "cohorts" {
  provider         = amplitude
  include_resource = true
}

list "amplitude_destination" "webhooks" {
  provider         = amplitude
  include_resource = true
  config {
    partner = "webhook"
  }
}
