data "braze_segments" "x" {}
