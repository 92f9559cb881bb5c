# Every custom attribute of the sandbox's Braze.

data "braze_custom_attributes" "all" {}
