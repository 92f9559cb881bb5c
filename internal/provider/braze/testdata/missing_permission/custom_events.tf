data "braze_custom_events" "x" {}
