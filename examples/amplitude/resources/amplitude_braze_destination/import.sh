# The import id is the destination's sync id, shown in Amplitude under
# Data Destinations. Amplitude never returns the Braze API key, so the first
# apply after an import sends the configured key once.
terraform import amplitude_braze_destination.stream 5f2d7c1e9a4b
