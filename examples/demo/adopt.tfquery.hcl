# make demo starts from a stream someone made in Amplitude's dashboard:
# terraform query finds it, and -generate-config-out writes its resource
# block and import block, so that Terraform adopts it.
list "amplitude_braze_destination" "dashboard" {
  provider = amplitude
}
