variable "eu" {
  description = "The EU workspace's credentials: a Developer API token and project id (destinations), the project's API and secret keys (syncs), and a Braze admin key. The URL overrides are for gateways and the local sandbox; leave them null for the vendors' own hosts."
  type = object({
    amplitude_access_token      = string
    amplitude_project_id        = string
    amplitude_api_key           = string
    amplitude_secret_key        = string
    amplitude_base_url          = optional(string)
    amplitude_developer_api_url = optional(string)
    braze_admin_endpoint        = optional(string)
    braze_admin_key             = string
    braze_app_id                = string
  })
  sensitive = true
}

variable "us" {
  description = "The US workspace's credentials, as for eu."
  type = object({
    amplitude_access_token      = string
    amplitude_project_id        = string
    amplitude_api_key           = string
    amplitude_secret_key        = string
    amplitude_base_url          = optional(string)
    amplitude_developer_api_url = optional(string)
    braze_admin_endpoint        = optional(string)
    braze_admin_key             = string
    braze_app_id                = string
  })
  sensitive = true
}
