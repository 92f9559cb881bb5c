# One object of each tracking-plan type and a sync, made by Terraform; the
# Braze destination the sync writes to is made out of band.

variable "destination_id" {
  type = string
}

resource "amplitude_event_type" "checkout" {
  name = "Checkout Started"
}

resource "amplitude_event_property" "coupon" {
  event_type = amplitude_event_type.checkout.name
  name       = "coupon"
  type       = "string"
}

resource "amplitude_user_property" "tier" {
  name = "loyalty_tier"
  type = "string"
}

resource "amplitude_sync" "tier" {
  kind           = "user_property"
  source_id      = amplitude_user_property.tier.name
  destination_id = var.destination_id
  cadence        = "daily"
}
