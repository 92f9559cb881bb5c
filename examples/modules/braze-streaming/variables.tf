variable "name" {
  description = "Names the workspace's objects: the key, the destination."
  type        = string
}

variable "amplitude_region" {
  description = "The Amplitude project's data region, US or EU: the Braze key admits only that region's egress IPs."
  type        = string
  default     = "US"
}

variable "braze_rest_endpoint" {
  description = "The Braze REST endpoint Amplitude sends to, e.g. provider::braze::rest_endpoint(\"EU-01\")."
  type        = string
}

variable "braze_app_id" {
  description = "The Braze app identifier that receives the events."
  type        = string
}

variable "user_properties" {
  description = "Amplitude user properties to send to Braze as custom attributes and to sync."
  type        = set(string)
}

variable "computations" {
  description = "Amplitude computation ids to sync to Braze."
  type        = set(string)
  default     = []
}

variable "events" {
  description = "Event types to stream to Braze; none streams users only."
  type        = set(string)
  default     = []
}

variable "cadence" {
  description = "How often the syncs run: one_time, hourly or daily."
  type        = string
  default     = "daily"

  validation {
    condition     = contains(["one_time", "hourly", "daily"], var.cadence)
    error_message = "cadence must be one_time, hourly or daily (realtime is for cohorts only)."
  }
}

variable "key_generation" {
  description = "Bump to rotate the Braze key."
  type        = number
  default     = 1
}
