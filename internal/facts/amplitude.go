package facts

// AmplitudeHosts maps an Amplitude data region to its API host
// (amplitude.com/docs/apis/analytics/taxonomy).
var AmplitudeHosts = map[string]string{
	"US": "https://amplitude.com",
	"EU": "https://analytics.eu.amplitude.com",
}

// AmplitudeEgressIPs lists the addresses Amplitude's event streaming sends
// from, per region, for allowlists on the receiving side
// (amplitude.com/docs/data/destination-event-streaming-overview).
var AmplitudeEgressIPs = map[string][]string{
	"US": {"52.33.3.219", "35.162.216.242", "52.27.10.221"},
	"EU": {"3.124.22.25", "18.157.59.125", "18.192.47.195"},
}
