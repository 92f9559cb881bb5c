# Terraform 1.12 and later: adopt a key by its identity, the key's identifier
# (Braze › Settings › APIs and Identifiers), not the secret. Braze never shows
# the secret again, so `key` stays null, and the plan after the import is
# empty when the configuration repeats the key's name, permissions and allowed
# IPs (terraform query -generate-config-out writes them).
import {
  to = braze_api_key.amplitude_stream
  identity = {
    id = "5a4d3c2b-1a00-4000-8000-00000000a001"
  }
}
