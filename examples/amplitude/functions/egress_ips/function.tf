# ["3.124.22.25", "18.157.59.125", "18.192.47.195"]
output "amplitude_eu_egress_ips" {
  value = provider::amplitude::egress_ips("EU")
}
