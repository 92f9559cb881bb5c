package developerapi

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Where a destination meets its partner: its credentials. The sandbox
// stands in for every Braze instance, so a Braze destination's key is
// checked against the sandbox's own Braze (package brazeapi), whatever its
// api_endpoint: when it is saved (open point: Error codes of 412 / 422),
// when a read reports credential_status (open point: credential_status) and
// when the destination is tested (open point: test; all three x-modelled in
// api/amplitude-developer.openapi.yaml). The sandbox sends nothing to a
// webhook, so nothing can reject one.

const (
	PartnerBraze = "braze"

	credentialConnected    = "connected"
	credentialDisconnected = "disconnected"
)

// brazeKeyProblem is Amplitude's test of a Braze REST key, or "" when it
// passes: the key must exist, carry users.track (open point: Error codes of
// 412 / 422, x-modelled in api/amplitude-developer.openapi.yaml), and admit
// the addresses Amplitude sends from: Braze refuses a key's requests from
// addresses its allowlist leaves out (braze.com/docs/api/basics, "API IP
// allowlisting"), and Amplitude streams from its egress IPs
// (AmplitudeEgressIPs).
func (a *API) brazeKeyProblem(tx *core.Tx, secret string) string {
	switch {
	case !a.braze.KeyExists(tx, secret):
		return "Braze rejected the API key: it does not exist"
	case !a.braze.KeyHas(tx, secret, "users.track"):
		return "Braze rejected the API key: it lacks the users.track permission"
	case !a.admitsAmplitude(tx, secret):
		return fmt.Sprintf("Braze rejected the API key: its allowed IPs admit no Amplitude region's egress IPs (%s)", egressIPList())
	}
	return ""
}

// checkSentBrazeKey tests the api_key a write sends, on every write that
// sends one, the same key again included: Amplitude tries a key when it is
// given one, not when it is kept. A rejected key is a 422 invalid_config
// located at config.api_key (open point: Error codes of 412 / 422, x-modelled
// in api/amplitude-developer.openapi.yaml).
func (a *API) checkSentBrazeKey(tx *core.Tx, d *destination, req *destinationRequest, p *core.FieldProblems) {
	if d.Partner != PartnerBraze || !d.streams() || !req.config.sent {
		return
	}
	if _, sent := req.config.value["api_key"]; !sent {
		return
	}
	key, ok := d.secret("api_key")
	if !ok {
		return // Removed by a null: the config check has refused it.
	}
	if problem := a.brazeKeyProblem(tx, key); problem != "" {
		p.Add("config.api_key", problemCredentialRejected, "config.api_key: %s", problem)
	}
}

// credentialStatus is whether the partner still takes the stored
// credentials (open point: credential_status, x-modelled in
// api/amplitude-developer.openapi.yaml). A Braze REST key can be deleted in
// Braze at any time (and Braze keys cannot be edited, so one that passed the
// check keeps its permissions and allowed IPs: braze.com/docs/api/basics); a
// cohort destination's data import key is not a REST key, so the Braze half
// cannot see it and it counts as connected while it is set. A partner other
// than Braze is always connected: the sandbox checks no other credential.
func (a *API) credentialStatus(tx *core.Tx, d *destination) string {
	if d.Partner != PartnerBraze {
		return credentialConnected
	}
	if !d.streams() {
		if _, ok := d.secret("data_import_key"); ok {
			return credentialConnected
		}
		return credentialDisconnected
	}
	if key, ok := d.secret("api_key"); ok && a.braze.KeyHas(tx, key, "users.track") {
		return credentialConnected
	}
	return credentialDisconnected
}

// destinationTestResult is the answer of POST …/destinations/{id}/test
// (amplitude.com/docs/apis/developer/destinations/test-an-event-streaming-destination-connection).
type destinationTestResult struct {
	OK             bool           `json:"ok"`
	Detail         *string        `json:"detail"`
	ExamplePayload map[string]any `json:"example_payload"`
}

// testUserID is the user a test payload is about.
const testUserID = "amplitude-test-user"

// tryDestination tries an event stream's credentials and shows what it
// would send; nothing is sent and nothing changes. ok is false, with Braze's
// answer in detail, when the key fails (open point: test, x-modelled in
// api/amplitude-developer.openapi.yaml).
func (a *API) tryDestination(tx *core.Tx, d *destination, now time.Time) destinationTestResult {
	if d.Partner != PartnerBraze {
		return destinationTestResult{OK: true, ExamplePayload: map[string]any{
			"events": []any{map[string]any{"event_type": "Amplitude Test Event", "user_id": testUserID, "time": core.FormatTime(now)}},
		}}
	}
	key, _ := d.secret("api_key")
	if problem := a.brazeKeyProblem(tx, key); problem != "" {
		return destinationTestResult{OK: false, Detail: &problem}
	}
	return destinationTestResult{OK: true, ExamplePayload: brazeTestPayload(d, now)}
}

// brazeTestPayload is a Braze /users/track body for the test user
// (braze.com/docs/api/endpoints/user_data/post_user_track: events and
// attributes, a user named by external_id, braze_id, user_alias or email,
// _update_existing_only), as the destination maps users and with what it
// sends.
func brazeTestPayload(d *destination, now time.Time) map[string]any {
	config := d.decodedConfig()
	user := func(fields map[string]any) map[string]any {
		mapping, _ := config["user_id_mapping"].(map[string]any)
		switch identifier, _ := mapping["braze_identifier"].(string); identifier {
		case "user_alias":
			fields["user_alias"] = map[string]any{"alias_name": testUserID, "alias_label": config["user_alias_label"]}
		case "email":
			fields["email"] = testUserID + "@example.com"
		default:
			fields[identifier] = testUserID
		}
		return fields
	}
	payload := map[string]any{}
	if d.SendEvents {
		payload["events"] = []any{user(map[string]any{"name": "Amplitude Test Event", "time": core.FormatTime(now)})}
	}
	if d.SendUsers {
		updateOnly, _ := config["update_users_only"].(bool)
		payload["attributes"] = []any{user(map[string]any{"_update_existing_only": updateOnly})}
	}
	return payload
}

// AmplitudeEgressIPs are the addresses Amplitude's event streaming sends
// from, per region (amplitude.com/docs/data/destination-event-streaming-overview):
// a Braze key's allowed IPs must admit one region's. The sandbox's own copy
// of a fact the providers also keep (internal/facts); a test there checks
// that the copies agree.
var AmplitudeEgressIPs = map[string][]string{
	"US": {"52.33.3.219", "35.162.216.242", "52.27.10.221"},
	"EU": {"3.124.22.25", "18.157.59.125", "18.192.47.195"},
}

// admitsAmplitude reports whether the key admits every egress IP of at least
// one Amplitude region: a project sends from all of its region's addresses.
func (a *API) admitsAmplitude(tx *core.Tx, secret string) bool {
	for _, ips := range AmplitudeEgressIPs {
		if !slices.ContainsFunc(ips, func(ip string) bool { return !a.braze.KeyAllows(tx, secret, netip.MustParseAddr(ip)) }) {
			return true
		}
	}
	return false
}

func egressIPList() string {
	regions := make([]string, 0, len(AmplitudeEgressIPs))
	for region, ips := range AmplitudeEgressIPs {
		regions = append(regions, fmt.Sprintf("%s: %s", region, strings.Join(ips, ", ")))
	}
	slices.Sort(regions)
	return strings.Join(regions, "; ")
}
