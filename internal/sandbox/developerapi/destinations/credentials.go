package destinations

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Where a destination meets its partner: its credentials. The sandbox
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
// of a fact the providers also keep (internal/facts), so that one mistake
// cannot pass both; a test there checks that the copies agree.
var AmplitudeEgressIPs = map[string][]string{
	"US": {"52.33.3.219", "35.162.216.242", "52.27.10.221"},
	"EU": {"3.124.22.25", "18.157.59.125", "18.192.47.195"},
}

// brazeKeyProblem is Amplitude's test of a Braze REST key, "" when it
// passes: the key must exist, hold users.track, and admit every address of
// one Amplitude region, since Braze refuses a key's requests from
// addresses its allowlist leaves out (braze.com/docs/api/basics, "API IP
// allowlisting") and a project streams from all of its region's.
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

// checkSentBrazeKey tests the api_key a write sends, on every write that
// sends one, the same key again included: Amplitude tries a key when it is
// given one, not when it keeps one. A rejected key is located at
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

// credentialStatus is whether the partner still takes the stored
// credentials. A Braze REST key can be deleted in Braze at any time (and
// Braze keys cannot be edited, so one that passed the check keeps its
// permissions and allowed IPs: braze.com/docs/api/basics). A cohort
// destination's data import key is not a REST key, so the sandbox's Braze
// cannot see it: it counts as connected while it is set. Any other partner
// is connected: the sandbox checks no other credential.
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

// try tries an event stream's credentials and shows what it would send,
// the answer of POST …/destinations/{id}/test
// (test-an-event-streaming-destination-connection); nothing is sent and
// nothing changes. ok is false, with Braze's answer in detail, when the key
// fails.
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
	// A Braze /users/track body for the test user
	// (braze.com/docs/api/endpoints/user_data/post_user_track), naming the
	// user as the destination maps users, with what the destination sends.
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
