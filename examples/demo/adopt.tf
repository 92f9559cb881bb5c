# The Braze key of the stream made in the dashboard, which Amplitude never
# returns: make demo fills it into the configuration terraform query
# generates, in write-only form.
variable "dashboard_stream_braze_key" {
  description = "The Braze REST API key the dashboard-made stream sends with."
  type        = string
  sensitive   = true
  ephemeral   = true
}
