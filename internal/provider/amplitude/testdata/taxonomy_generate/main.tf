# Import blocks by identity with no resource blocks: terraform plan
# -generate-config-out writes the resources, from the provider's
# GenerateResourceConfig, as terraform query -generate-config-out does.

variable "project_id" {
  type = string
}

variable "sync_id" {
  type = string
}

import {
  to = amplitude_event_type.generated
  identity = {
    project_id = var.project_id
    name       = "Checkout Started"
  }
}

import {
  to = amplitude_event_property.generated
  identity = {
    project_id = var.project_id
    event_type = "Checkout Started"
    name       = "coupon"
  }
}

import {
  to = amplitude_user_property.generated
  identity = {
    project_id = var.project_id
    name       = "loyalty_tier"
  }
}

import {
  to = amplitude_sync.generated
  identity = {
    id = var.sync_id
  }
}
