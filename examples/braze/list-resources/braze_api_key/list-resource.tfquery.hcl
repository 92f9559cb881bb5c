# Terraform 1.14 and later, in a *.tfquery.hcl file: `terraform query` lists
# the workspace's REST API keys by name. The filters are optional.
list "braze_api_key" "amplitude" {
  provider = braze

  config {
    # Only keys whose name starts with this text...
    name_prefix = "amplitude-"
    # ...and that hold this permission: the keys Amplitude can stream with.
    permission = "users.track"
  }
}

# `terraform query -generate-config-out=adopted.tf` writes an import block by
# identity and a braze_api_key block for each key it finds.
