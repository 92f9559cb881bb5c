resource "amplitude_braze_cohort_destination" "x" {
  name                = "x"
  braze_endpoint      = "https://rest.iad-05.braze.com"
  data_import_key     = "k"
  identifier_mappings = []
}
