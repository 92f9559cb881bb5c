# An action block that leaves out the destination to test.
action "amplitude_destination_test" "this" {
  config {}
}
