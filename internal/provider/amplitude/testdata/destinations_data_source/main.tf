# The disabled Braze event streams, and the cohort destinations of any
# partner.
data "amplitude_destinations" "disabled_streams" {
  partner = "braze"
  kind    = "event"
  enabled = false
}

data "amplitude_destinations" "cohorts" {
  kind = "cohort"
}
