data "amplitude_destination_type" "x" { partner = "" }
