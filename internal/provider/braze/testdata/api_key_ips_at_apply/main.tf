# A key whose allowed addresses are known only at apply: they pass through
# a terraform_data resource, whose output is unknown until it is applied.

variable "ip" {
  type = string
}

resource "terraform_data" "ips" {
  input = [var.ip]
}

resource "braze_api_key" "test" {
  name        = "late"
  permissions = ["users.track"]
  allowed_ips = terraform_data.ips.output
}
