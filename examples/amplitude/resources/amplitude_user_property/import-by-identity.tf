# Adopt a user property already in the tracking plan by its identity: the
# numeric id of the provider's project and the property's name, without the
# "gp:" prefix.
import {
  to = amplitude_user_property.tier
  identity = {
    project_id = "424242"
    name       = "loyalty_tier"
  }
}
