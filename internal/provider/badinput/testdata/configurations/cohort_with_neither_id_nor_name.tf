data "amplitude_cohort" "x" {}
