# The import id is the destination's id, which Amplitude assigns. Amplitude
# never returns secret parameters, so the first apply after an import sends
# secret_config once.
terraform import amplitude_destination.webhook 9d2c4b1a-7e6f-4a3b-8c2d-1e0f9a8b7c6d
