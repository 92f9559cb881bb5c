# The user properties of the tracking plan, Amplitude's own left out.
list "amplitude_user_property" "all" {
  provider         = amplitude
  include_resource = true
}
