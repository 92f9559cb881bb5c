# The demo: a Braze REST API key, the Amplitude "Braze (Event Stream)"
# destination that streams with it, the tracking-plan events it sends, a
# cohort destination, syncs of a user property, a computation and a cohort,
# and a check that the cohort reached Braze as a segment, applied against the
# local sandbox by `make demo`. Point the variables at real hosts and keys to
# run it for real.
terraform {
  required_providers {
    amplitude = { source = "ampbraze/amplitude" }
    braze     = { source = "ampbraze/braze" }
  }
}

variable "amplitude_base_url" {
  description = "The host of Amplitude's APIs that take the project's API key; the sandbox's is printed when it starts."
  type        = string
}

variable "amplitude_developer_api_url" {
  description = "The host of Amplitude's Developer API, which manages destinations; the sandbox's is printed when it starts."
  type        = string
}

variable "braze_rest_endpoint" {
  description = "The REST endpoint the providers call; the sandbox's is printed when it starts."
  type        = string
}

# Destinations go through Amplitude's Developer API (a Personal Access Token
# and the project id); syncs and user properties through the APIs that take
# the project's API key and secret key.
provider "amplitude" {
  access_token      = "amp_sandbox_admin"
  project_id        = "424242"
  developer_api_url = var.amplitude_developer_api_url
  api_key           = "sandbox-api-key"
  secret_key        = "sandbox-secret-key"
  base_url          = var.amplitude_base_url
}

provider "braze" {
  rest_endpoint = var.braze_rest_endpoint
  api_key       = "sandbox-braze-admin-key"
}

# The key Amplitude streams with, usable only from Amplitude's US addresses.
# Change its name to rotate it: the destination moves to the new key before
# the old one is deleted.
resource "braze_api_key" "stream" {
  name        = "amplitude-stream"
  permissions = ["users.track"]
  allowed_ips = provider::amplitude::egress_ips("US")

  lifecycle {
    create_before_destroy = true
  }
}

# The events the stream sends, declared in the tracking plan: renaming one
# there now shows in review. They already have data, so they are adopted with
# import blocks rather than created.
locals {
  streamed_events = toset(["Purchase", "Sign Up", "Add to Cart"])
}

import {
  to = amplitude_event_type.streamed["Purchase"]
  id = "Purchase"
}

import {
  to = amplitude_event_type.streamed["Sign Up"]
  id = "Sign Up"
}

import {
  to = amplitude_event_type.streamed["Add to Cart"]
  id = "Add to Cart"
}

resource "amplitude_event_type" "streamed" {
  for_each = local.streamed_events
  name     = each.value
}

resource "amplitude_event_property" "price" {
  event_type  = amplitude_event_type.streamed["Purchase"].name
  name        = "order_value"
  description = "The order's total in USD."
  type        = "number"
}

resource "amplitude_braze_destination" "stream" {
  name           = "braze-prod-stream"
  braze_endpoint = provider::braze::rest_endpoint("US-05")
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  braze_api_key  = braze_api_key.stream.key

  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }

  send_events = {
    events           = [for e in amplitude_event_type.streamed : e.name]
    filters          = [{ property = "country", operator = "is", values = ["US", "CA"] }]
    event_properties = [amplitude_event_property.price.name]
    user_properties  = ["plan"]
  }

  send_users = {
    user_properties = ["plan", "country", "ltv"]
  }
}

# A user property in Amplitude's taxonomy, synced hourly to the Braze custom
# attribute of the same name; a computation daily.
resource "amplitude_user_property" "tier" {
  name        = "loyalty_tier"
  description = "The customer's loyalty tier."
  type        = "enum"
  enum_values = ["bronze", "silver", "gold"]
}

resource "amplitude_sync" "tier" {
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "hourly"
}

resource "amplitude_sync" "ltv" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = "daily"
}

# Cohort membership in real time, through the Braze (Cohort Sync) destination.
resource "amplitude_braze_cohort_destination" "cohorts" {
  name            = "braze-cohorts"
  braze_endpoint  = provider::braze::rest_endpoint("US-05")
  data_import_key = "sandbox-data-import-key"

  identifier_mappings = [
    { amplitude_property = "user_id", braze_identifier = "external_id" },
    { amplitude_property = "device_id", braze_identifier = "device_id" },
  ]
}

resource "amplitude_sync" "power_users" {
  kind           = "cohort"
  source_id      = "coh_power_users"
  destination_id = amplitude_braze_cohort_destination.cohorts.id
  cadence        = "realtime"
}

# Once the cohort sync has run, Braze lists the cohort as a segment.
data "braze_segments" "all" {
  depends_on = [amplitude_sync.power_users]
}

output "cohort_segment_in_braze" {
  description = "Whether Braze lists the synced cohort as a segment yet."
  value       = contains(data.braze_segments.all.names, "Power users")
}

output "destination_id" {
  description = "The destination's id (the sync_id of its delivery metrics)."
  value       = amplitude_braze_destination.stream.id
}
