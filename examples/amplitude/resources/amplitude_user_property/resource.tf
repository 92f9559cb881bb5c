resource "amplitude_user_property" "tier" {
  name            = "loyalty_tier"
  description     = "The customer's loyalty tier."
  type            = "enum"
  enum_values     = ["bronze", "silver", "gold"]
  classifications = ["SENSITIVE"]
}

resource "amplitude_user_property" "postcode" {
  name  = "postcode"
  type  = "string"
  regex = "^[0-9]{5}$"
}
