data "braze_custom_attributes" "x" {}
