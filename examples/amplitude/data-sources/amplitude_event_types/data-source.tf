data "amplitude_event_types" "plan" {}

# Stream only events the tracking plan holds.
locals {
  wanted_events   = ["Purchase", "Sign Up", "Checkout Started"]
  streamed_events = [for e in local.wanted_events : e if contains(data.amplitude_event_types.plan.names, e)]
}
