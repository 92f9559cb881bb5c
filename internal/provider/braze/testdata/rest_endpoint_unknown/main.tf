# An instance Braze does not have.

output "bad" {
  value = provider::braze::rest_endpoint("US-09")
}
