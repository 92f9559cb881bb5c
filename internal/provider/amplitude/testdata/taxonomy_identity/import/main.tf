# Adopts one object of each tracking-plan type and a sync, all made out of
# band, by their identities (Terraform 1.12+), as terraform query's
# generated import blocks do.

variable "project_id" {
  type = string
}

variable "sync_id" {
  type = string
}

variable "destination_id" {
  type = string
}

import {
  to = amplitude_event_type.checkout
  identity = {
    project_id = var.project_id
    name       = "Checkout Started"
  }
}

resource "amplitude_event_type" "checkout" {
  name        = "Checkout Started"
  description = "A shopper opened the checkout"
}

import {
  to = amplitude_event_property.coupon
  identity = {
    project_id = var.project_id
    event_type = "Checkout Started"
    name       = "coupon"
  }
}

resource "amplitude_event_property" "coupon" {
  event_type = amplitude_event_type.checkout.name
  name       = "coupon"
  type       = "string"
}

import {
  to = amplitude_user_property.tier
  identity = {
    project_id = var.project_id
    name       = "loyalty_tier"
  }
}

resource "amplitude_user_property" "tier" {
  name         = "loyalty_tier"
  display_name = "Loyalty tier"
  type         = "enum"
  enum_values  = ["gold", "silver"]
}

import {
  to = amplitude_sync.tier
  identity = {
    id = var.sync_id
  }
}

resource "amplitude_sync" "tier" {
  name           = "Loyalty tier to Braze"
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = var.destination_id
  cadence        = "daily"
}
