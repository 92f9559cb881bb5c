# The secrets Amplitude never returns, so that no query can write them: give
# them once, in write-only form, to the destinations the query found. The
# variables are ephemeral: Terraform keeps them out of plan and state.
variable "braze_stream_api_key" {
  description = "The Braze REST API key the event stream sends with (users.track)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "braze_data_import_key" {
  description = "The Braze data import key the cohort destination sends with."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "webhook_auth_token" {
  description = "The token the webhook destination sends."
  type        = string
  sensitive   = true
  ephemeral   = true
}
