# The import id is the property's name, with or without the "gp:" prefix
# Amplitude's charts show on custom properties.
terraform import amplitude_user_property.tier loyalty_tier
