# The import id is the destination's id. Amplitude never returns the data
# import key, so the first apply after an import sends the configured key once.
terraform import amplitude_braze_cohort_destination.cohorts 0b7f3d2e-9c1a-4e5f-a6b7-c8d9e0f1a2b3
