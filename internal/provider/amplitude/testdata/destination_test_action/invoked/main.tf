# Invokes amplitude_destination_test once on the destination a test made out
# of band: creating terraform_data triggers it, which is what
# terraform apply -invoke does without a resource (the testing framework
# runs plan and apply, never -invoke).

variable "destination_id" {
  type = string
}

resource "terraform_data" "trigger" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.amplitude_destination_test.this]
    }
  }
}

action "amplitude_destination_test" "this" {
  config {
    destination_id = var.destination_id
  }
}
