# One amplitude_sync whose arguments are variables, beside a user property
# it can sync. The test adds the destinations of testdata/sync_destinations.
# Without source_id the sync's source is that user property, and the sync
# refers to both, so that it waits for them to exist.

variable "name" {
  type    = string
  default = null
}

variable "kind" {
  type = string
}

variable "source_id" {
  type    = string
  default = null
}

variable "destination" {
  description = "The destination the sync writes to: stream or cohorts."
  type        = string
  default     = "stream"
}

variable "cadence" {
  type = string
}

variable "enabled" {
  type    = bool
  default = null
}

resource "amplitude_user_property" "tier" {
  name = "loyalty_tier"
  type = "string"
}

locals {
  destinations = {
    stream  = amplitude_braze_destination.stream.id
    cohorts = amplitude_braze_cohort_destination.cohorts.id
  }
}

resource "amplitude_sync" "test" {
  name           = var.name
  kind           = var.kind
  source_id      = var.source_id == null ? amplitude_user_property.tier.name : var.source_id
  destination_id = local.destinations[var.destination]
  cadence        = var.cadence
  enabled        = var.enabled
}
