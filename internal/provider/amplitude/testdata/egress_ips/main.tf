# The addresses Amplitude sends from in two regions, the second named in
# lower case.

output "us" {
  value = provider::amplitude::egress_ips("US")
}

output "eu" {
  value = provider::amplitude::egress_ips("eu")
}
