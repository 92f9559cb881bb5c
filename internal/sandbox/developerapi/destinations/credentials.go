package destinations

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// A destination's credentials are where it meets its partner. The sandbox
// stands in for every Braze instance, so a Braze destination's key is
// checked against the sandbox's own Braze (package brazeapi), whatever its
// api_endpoint: when a write sends it (open point: Error codes of 412 /
// 422), when a read reports credential_status (open point:
// credential_status) and when the destination is tested (open point: test).
// The sandbox sends nothing to a webhook, so nothing can reject one.

// AmplitudeEgressIPs are the addresses Amplitude's event streaming sends
// from, per region
// (amplitude.com/docs/data/destination-event-streaming-overview): a Braze
// key's allowed IPs must admit one region's. It is the sandbox's own copy
// of a fact the providers also keep (internal/facts), so that a mistake in
// one copy cannot pass both the providers' checks and the sandbox's. A test
// there checks that the copies agree.
var AmplitudeEgressIPs = map[string][]string{
	"US": {"52.33.3.219", "35.162.216.242", "52.27.10.221"},
	"EU": {"3.124.22.25", "18.157.59.125", "18.192.47.195"},
}

// brazeKeyProblem is Amplitude's test of a Braze REST key. It returns ""
// when the key passes, and otherwise why it fails. The key must exist, hold
// users.track, and admit every address of one Amplitude region, because
// Braze refuses a key's requests from addresses its allowlist leaves out
// (braze.com/docs/api/basics, "API IP allowlisting"), and a project streams
// from all of its region's addresses.
func (a *API) brazeKeyProblem(tx *core.Tx, secret string) string {
	admitsRegion := false
	for _, ips := range AmplitudeEgressIPs {
		refused := slices.ContainsFunc(ips, func(ip string) bool { return !a.braze.KeyAllows(tx, secret, netip.MustParseAddr(ip)) })
		admitsRegion = admitsRegion || !refused
	}
	switch {
	case !a.braze.KeyExists(tx, secret):
		return "Braze rejected the API key: it does not exist"
	case !a.braze.KeyHas(tx, secret, "users.track"):
		return "Braze rejected the API key: it lacks the users.track permission"
	case !admitsRegion:
		var regions []string
		for region, ips := range AmplitudeEgressIPs {
			regions = append(regions, fmt.Sprintf("%s: %s", region, strings.Join(ips, ", ")))
		}
		slices.Sort(regions)
		return fmt.Sprintf("Braze rejected the API key: its allowed IPs admit no Amplitude region's egress IPs (%s)", strings.Join(regions, "; "))
	}
	return ""
}

// checkSentBrazeKey tests the api_key on every write that sends one, even
// when it is the same key again, because Amplitude tries a key when it is
// given one, not while it keeps one. A rejected key is located at
// config.api_key.
func (a *API) checkSentBrazeKey(tx *core.Tx, d *destination, req *request, p *core.FieldProblems) {
	if _, sent := req.Config.Value["api_key"]; !sent || d.Partner != PartnerBraze || !d.streams() {
		return
	}
	if key, ok := d.secret("api_key"); ok {
		if problem := a.brazeKeyProblem(tx, key); problem != "" {
			p.Add("config.api_key", "credential_rejected", "config.api_key: %s", problem)
		}
	}
}

// credentialStatus reports whether the partner still accepts the stored
// credentials. A Braze REST key can be deleted in Braze at any time, so the
// status checks again that it exists with users.track. Braze keys cannot be
// edited, so a key that passed the check when it was sent keeps its
// permissions and allowed IPs (braze.com/docs/api/basics). A cohort
// destination's data import key is not a REST key, and the sandbox's Braze
// cannot see it, so it counts as connected while it is set. Any other
// partner counts as connected, because the sandbox checks no other
// credential.
func (a *API) credentialStatus(tx *core.Tx, d *destination) string {
	connected := true
	switch {
	case d.Partner != PartnerBraze:
	case !d.streams():
		_, connected = d.secret("data_import_key")
	default:
		key, ok := d.secret("api_key")
		connected = ok && a.braze.KeyHas(tx, key, "users.track")
	}
	if connected {
		return "connected"
	}
	return "disconnected"
}

// try tests an event stream's credentials and shows what it would send: it
// builds the answer of POST …/destinations/{id}/test
// (test-an-event-streaming-destination-connection). Nothing is sent and
// nothing changes. When the key fails, ok is false and detail holds Braze's
// answer.
func (a *API) try(tx *core.Tx, d *destination) map[string]any {
	const user = "amplitude-test-user"
	now := core.FormatTime(tx.Now())
	if d.Partner != PartnerBraze {
		return map[string]any{"ok": true, "detail": nil, "example_payload": map[string]any{
			"events": []any{map[string]any{"event_type": "Amplitude Test Event", "user_id": user, "time": now}},
		}}
	}
	key, _ := d.secret("api_key")
	if problem := a.brazeKeyProblem(tx, key); problem != "" {
		return map[string]any{"ok": false, "detail": problem, "example_payload": nil}
	}
	// Build a Braze /users/track body for the test user
	// (braze.com/docs/api/endpoints/user_data/post_user_track). It
	// identifies the user the way the destination maps users, and holds
	// what the destination sends.
	config := d.decodedConfig()
	named := func(fields map[string]any) map[string]any {
		mapping, _ := config["user_id_mapping"].(map[string]any)
		switch identifier, _ := mapping["braze_identifier"].(string); identifier {
		case "user_alias":
			fields["user_alias"] = map[string]any{"alias_name": user, "alias_label": config["user_alias_label"]}
		case "email":
			fields["email"] = user + "@example.com"
		default:
			fields[identifier] = user
		}
		return fields
	}
	payload := map[string]any{}
	if d.SendEvents {
		payload["events"] = []any{named(map[string]any{"name": "Amplitude Test Event", "time": now})}
	}
	if d.SendUsers {
		updateOnly, _ := config["update_users_only"].(bool)
		payload["attributes"] = []any{named(map[string]any{"_update_existing_only": updateOnly})}
	}
	return map[string]any{"ok": true, "detail": nil, "example_payload": payload}
}
