# One read of a Braze API.

data "braze_custom_attributes" "x" {}
