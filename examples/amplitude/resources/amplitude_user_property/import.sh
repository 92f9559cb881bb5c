# The import id is the property's name, with or without Amplitude's "gp:"
# prefix for custom properties.
terraform import amplitude_user_property.tier loyalty_tier
