# Every Braze cohort destination whose name mentions "prod".
list "amplitude_braze_cohort_destination" "cohorts" {
  provider         = amplitude
  include_resource = true

  config {
    search = "prod"
  }
}
