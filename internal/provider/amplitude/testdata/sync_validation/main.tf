# One amplitude_sync alone, whose arguments are variables, for the tests of
# what is refused before any request.

variable "kind" {
  type = string
}

variable "source_id" {
  type = string
}

variable "cadence" {
  type = string
}

resource "amplitude_sync" "test" {
  kind           = var.kind
  source_id      = var.source_id
  destination_id = "d"
  cadence        = var.cadence
}
