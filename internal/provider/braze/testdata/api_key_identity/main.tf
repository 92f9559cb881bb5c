# Adopts a key made in Braze's dashboard by its identity, as
# terraform query -generate-config-out writes it: the key's settings, and no
# secret, which Braze never shows again.

variable "key_id" {
  type = string
}

import {
  to = braze_api_key.adopted
  identity = {
    id = var.key_id
  }
}

resource "braze_api_key" "adopted" {
  name        = "amplitude-stream"
  permissions = ["users.track", "users.alias.new"]
}
