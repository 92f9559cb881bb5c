output "x" { value = provider::amplitude::egress_ips("APAC") }
