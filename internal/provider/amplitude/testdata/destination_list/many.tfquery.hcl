# Every Braze event stream of the project, more than one page of them.
list "amplitude_braze_destination" "many" {
  provider = amplitude
  limit    = 1000
}
