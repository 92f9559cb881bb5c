resource "amplitude_destination" "test" {
  partner      = "webhook"
  display_name = "hook"
  config       = { batch_size = 3 }
}
