# A sync whose cadence is known only at apply: it passes through a
# terraform_data resource, whose output is unknown until it is applied.

variable "cadence" {
  type = string
}

resource "terraform_data" "cadence" {
  input = var.cadence
}

resource "amplitude_sync" "test" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.stream.id
  cadence        = terraform_data.cadence.output
}
