package sandbox

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// When a Braze destination is saved, Amplitude tries its settings against
// Braze. The sandbox stands in for every Braze instance, so it runs the same
// check against its own Braze side.

// isBrazeEndpoint reports whether endpoint is a Braze this sandbox stands in
// for: a published instance, or the sandbox's own /braze base URL on a
// loopback address (the port varies from run to run).
func isBrazeEndpoint(endpoint string, u *url.URL) bool {
	return facts.IsBrazeRESTEndpoint(endpoint) ||
		(isLoopback(u.Hostname()) && strings.TrimSuffix(u.Path, "/") == "/braze")
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkBrazeKey is Amplitude's test of a Braze REST key: it must exist, carry
// users.track, and admit the addresses Amplitude sends from.
func checkBrazeKey(st *state, secret string) error {
	i := st.apiKeyBySecret(secret)
	if i < 0 {
		return refuse(http.StatusBadRequest, "Braze rejected the API key: it does not exist")
	}
	key := &st.APIKeys[i]
	if !key.has("users.track") {
		return refuse(http.StatusBadRequest, "Braze rejected the API key: it lacks the users.track permission")
	}
	if !admitsAmplitude(key) {
		return refuse(http.StatusBadRequest,
			"Braze rejected the API key: its allowed IPs admit no Amplitude region's egress IPs (%s)", egressIPList())
	}
	return nil
}

// admitsAmplitude reports whether the key admits every egress IP of at least
// one Amplitude region: a project sends from all of its region's addresses.
func admitsAmplitude(key *apiKey) bool {
	for _, ips := range facts.AmplitudeEgressIPs {
		if !slices.ContainsFunc(ips, func(ip string) bool { return !key.allowsIP(netip.MustParseAddr(ip)) }) {
			return true
		}
	}
	return false
}

func egressIPList() string {
	regions := make([]string, 0, len(facts.AmplitudeEgressIPs))
	for region, ips := range facts.AmplitudeEgressIPs {
		regions = append(regions, fmt.Sprintf("%s: %s", region, strings.Join(ips, ", ")))
	}
	slices.Sort(regions)
	return strings.Join(regions, "; ")
}
