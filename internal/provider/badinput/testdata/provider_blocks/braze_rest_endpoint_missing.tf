provider "braze" {
  api_key = "k"
}
data "braze_custom_attributes" "x" {}
