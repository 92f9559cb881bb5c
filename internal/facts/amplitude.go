package facts

import (
	"fmt"
	"slices"
	"strings"
)

// CanonicalAmplitudeRegion reads an Amplitude data region and returns it in
// upper case. The region attribute, AMPLITUDE_REGION and
// provider::amplitude::egress_ips all read a region through it, so they
// accept the same spellings: US or EU, in any case, with surrounding white
// space ignored.
func CanonicalAmplitudeRegion(raw string) (string, error) {
	region := strings.ToUpper(strings.TrimSpace(raw))
	if _, known := AmplitudeHosts[region]; !known {
		return "", fmt.Errorf("unknown Amplitude region %q; valid regions are EU, US (in any case)", raw)
	}
	return region, nil
}

// AmplitudeHosts maps an Amplitude data region to the host of its APIs that
// take the project's Basic credentials
// (amplitude.com/docs/apis/analytics/behavioral-cohorts).
var AmplitudeHosts = map[string]string{
	"US": "https://amplitude.com",
	"EU": "https://analytics.eu.amplitude.com",
}

// AmplitudeDeveloperAPIHosts maps an Amplitude data region to the host of
// its Developer API (amplitude.com/docs/apis/developer).
var AmplitudeDeveloperAPIHosts = map[string]string{
	"US": "https://developer-api.amplitude.com",
	"EU": "https://developer-api.eu.amplitude.com",
}

// AmplitudeEgressIPs lists the addresses Amplitude's event streaming sends
// from, per region, for allowlists on the receiving side
// (amplitude.com/docs/data/destination-event-streaming-overview).
var AmplitudeEgressIPs = map[string][]string{
	"US": {"52.33.3.219", "35.162.216.242", "52.27.10.221"},
	"EU": {"3.124.22.25", "18.157.59.125", "18.192.47.195"},
}

// AmplitudeDefaultUserProperties are the user properties Amplitude's SDKs
// track by themselves (amplitude.com/docs/get-started/user-property-definitions),
// by their API names. Amplitude owns them, so they are not part of a tracking
// plan a user manages.
var AmplitudeDefaultUserProperties = []string{
	"amplitude_id", "carrier", "city", "cohort", "country", "device_family", "device_id", "device_type", "dma",
	"ip_address", "language", "library", "os", "os_name", "os_version", "paying", "platform", "region",
	"start_version", "user_id", "version",
}

// IsAmplitudeDefaultUserProperty reports whether name is one of
// AmplitudeDefaultUserProperties, as the API or a chart writes it ("Device
// Type" or "device_type", with or without the "[Amplitude] " label).
func IsAmplitudeDefaultUserProperty(name string) bool {
	name = strings.TrimPrefix(strings.TrimSpace(name), "[Amplitude] ")
	name = strings.ToLower(strings.ReplaceAll(name, " ", "_"))
	return slices.Contains(AmplitudeDefaultUserProperties, name)
}
