# The REST endpoints of two Braze instances, the second named in lower case.

output "us" {
  value = provider::braze::rest_endpoint("US-05")
}

output "eu" {
  value = provider::braze::rest_endpoint("eu-01")
}
