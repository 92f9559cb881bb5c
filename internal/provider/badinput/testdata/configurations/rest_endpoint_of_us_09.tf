output "x" { value = provider::braze::rest_endpoint("US-09") }
