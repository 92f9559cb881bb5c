# "https://rest.fra-01.braze.eu"
output "eu_endpoint" {
  value = provider::braze::rest_endpoint("EU-01")
}
