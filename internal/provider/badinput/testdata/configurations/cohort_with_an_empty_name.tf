data "amplitude_cohort" "x" { name = "" }
