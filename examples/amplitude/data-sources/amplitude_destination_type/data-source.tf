# What Amplitude's Braze partner takes: its kinds and its config parameters.
data "amplitude_destination_type" "braze" {
  partner = "braze"
}

output "braze_parameters" {
  value = { for p in data.amplitude_destination_type.braze.parameters : p.id => p.kind }
}
