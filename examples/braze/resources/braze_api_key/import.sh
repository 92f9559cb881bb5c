# The import id is the key's identifier (Braze › Settings › APIs and
# Identifiers), not the secret. Braze never returns the secret after creation,
# so `key` stays null after an import.
terraform import braze_api_key.amplitude_stream 5a4d3c2b-1a00-4000-8000-00000000a001
