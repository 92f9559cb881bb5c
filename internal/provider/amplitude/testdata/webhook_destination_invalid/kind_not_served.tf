resource "amplitude_destination" "test" {
  partner      = "webhook"
  display_name = "hook"
  kind         = ["cohort"]
  config       = { url = "https://x.example.com" }
}
