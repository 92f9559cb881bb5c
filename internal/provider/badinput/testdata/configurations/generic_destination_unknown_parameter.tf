resource "amplitude_destination" "x" {
  partner      = "webhook"
  display_name = "x"
  config       = { url = "https://example.com/hook", retries = 3 }
}
