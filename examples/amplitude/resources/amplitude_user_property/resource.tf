# The type fields (type, enum_values, regex, is_array_type) are set when the
# property is created; changing one replaces it. The rest change in place.
resource "amplitude_user_property" "tier" {
  name            = "loyalty_tier"
  display_name    = "Loyalty tier"
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
