resource "amplitude_destination" "x" {
  partner      = "webhook"
  display_name = "x"
  config       = ["https://example.com/hook"]
}
