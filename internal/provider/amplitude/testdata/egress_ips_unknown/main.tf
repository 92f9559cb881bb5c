# A region Amplitude does not have.

output "bad" {
  value = provider::amplitude::egress_ips("APAC")
}
