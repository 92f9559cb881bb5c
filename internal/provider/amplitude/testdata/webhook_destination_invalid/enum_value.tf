resource "amplitude_destination" "test" {
  partner      = "webhook"
  display_name = "hook"
  config       = { url = "https://x.example.com", format = "xml" }
}
