# Two of the sandbox's seeded cohorts, one looked up by id and one by name.

data "amplitude_cohort" "by_id" {
  id = "coh_churn_risk"
}

data "amplitude_cohort" "by_name" {
  name = "Power users"
}
