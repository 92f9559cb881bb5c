resource "amplitude_destination" "test" {
  partner       = "webhook"
  display_name  = "hook"
  config        = { url = "https://x.example.com" }
  secret_config = { batch_size = "3" }
}
