variable "braze_rest_api_key" {
  description = "A Braze REST API key with the users.track permission."
  type        = string
  sensitive   = true
}

# Test the stream's connection to Braze whenever it is created or changed:
# an apply that gives it a key Braze refuses fails, naming the destination,
# instead of leaving a stream that delivers nothing.
resource "amplitude_braze_destination" "stream" {
  name           = "braze-prod-stream"
  braze_endpoint = "https://rest.iad-05.braze.com"
  braze_app_id   = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
  braze_api_key  = var.braze_rest_api_key

  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }

  send_events = { all_events = true }

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.amplitude_destination_test.stream]
    }
  }
}

# caller is the destination that triggered the test (Terraform 1.16 and
# later; with Terraform 1.14 and 1.15 write amplitude_braze_destination.stream.id).
# Run the test alone, changing nothing, with
#   terraform apply -invoke=action.amplitude_destination_test.stream
action "amplitude_destination_test" "stream" {
  config {
    destination_id = caller.id
  }
}
