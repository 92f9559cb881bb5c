# Every enabled Braze event stream that forwards events. terraform query
# lists them; terraform query -generate-config-out=adopted.tf writes an
# import block and a resource block for each, without the Braze key, which
# Amplitude never returns.
list "amplitude_braze_destination" "streams" {
  provider         = amplitude
  include_resource = true

  config {
    kind    = "event"
    enabled = true
  }
}
