# Check that the cohort Amplitude syncs has arrived in Braze as a segment.
data "braze_segments" "all" {}

check "power_users_segment" {
  assert {
    condition     = contains(data.braze_segments.all.names, "Power users")
    error_message = "The Amplitude cohort \"Power users\" has not reached Braze as a segment yet."
  }
}
