# Once the stream is adopted (terraform query named its block
# amplitude_braze_destination.all_0), test its connection to Braze whenever
# you like, Terraform 1.14 and later:
#   terraform apply -invoke=action.amplitude_destination_test.stream
# It fails, naming the destination, when Braze refuses the stream's key.
action "amplitude_destination_test" "stream" {
  config {
    destination_id = amplitude_braze_destination.all_0.id
  }
}
