// Package brazeapi is the sandbox's Braze: one workspace behind the REST
// API that api/braze.openapi.yaml describes, served under /braze. It holds
// the workspace's REST keys (their endpoints are modelled, as Braze manages
// keys in its dashboard only), custom attributes, custom events and
// segments, and applies Braze's hourly limits.
//
// Other vendors' rules look at Braze through the few functions this package
// exports: whether a key exists, holds a permission and admits an address
// (Amplitude's Braze destinations check their keys), and the attributes and
// segments a partner writes (Amplitude's syncs, as they run).
package brazeapi

import (
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Path is where the sandbox serves Braze. The sandbox's URL followed by this
// path stands in for the REST endpoint of every Braze instance.
const Path = "/braze"

// API is Braze's part of the sandbox.
type API struct {
	sb    *core.Sandbox
	store *core.Store
	// state is touched only under the store's lock.
	state state
	// fault is the rate-limit fault's window, which every endpoint shares;
	// limit is Braze's default hourly limit and exportLimit the one the
	// exports share (braze.com/docs/api/api_limits).
	fault, limit, exportLimit *core.Window
}

// Braze's hourly limits: a default for the endpoints without their own, and
// the one that the exports of custom attributes and custom events share
// (Braze counts two more endpoints against it, which the sandbox does not
// serve).
const (
	defaultLimit = 250_000
	exportLimit  = 1_000
)

var exportOperations = []string{"listCustomAttributes", "listCustomEvents"}

// New adds Braze to sb: its API, its part of the state ("braze" in the
// state file), its hourly limits, and the control endpoints that add the
// objects a real workspace gets without an API call.
func New(sb *core.Sandbox) *API {
	a := &API{sb: sb, store: sb.Store(), fault: sb.FaultWindow(), limit: &core.Window{}, exportLimit: &core.Window{}}
	a.resetLimits()
	sb.OnReset(a.resetLimits)
	a.store.AddPart("braze", &a.state)
	sb.ServeAPI(core.APIConfig{Prefix: Path, Document: api.Braze, Vendor: a, Guard: a.auth}).Serve(map[string]http.HandlerFunc{
		"createAPIKey": a.createAPIKey, "listAPIKeys": a.listAPIKeys, "getAPIKeyInfo": a.apiKeyInfo, "deleteAPIKey": a.deleteAPIKey,
		"listSegments": a.listSegments, "listCustomAttributes": a.listCustomAttributes, "listCustomEvents": a.listCustomEvents,
	})
	sb.HandleControl("POST /_sandbox/custom_attributes", a.addCustomAttributes)
	sb.HandleControl("POST /_sandbox/custom_events", a.addCustomEvents)
	sb.HandleControl("POST /_sandbox/segments", a.addSegments)
	return a
}

func (a *API) resetLimits() {
	a.limit.Configure(defaultLimit, time.Hour)
	a.exportLimit.Configure(exportLimit, time.Hour)
}

// WriteError answers in Braze's error shape (braze.com/docs/api/errors): a
// message, and the details in errors.
func (a *API) WriteError(w http.ResponseWriter, _ *http.Request, e *core.APIError) {
	core.WriteJSON(w, e.Status, map[string]any{"message": strings.Join(e.Messages, "; "), "errors": e.Messages})
}

// Admit counts a request against the rate-limit fault's window, then against
// the endpoint's own hourly limit, and refuses it with 429 "Rate Limited"
// when either is spent (braze.com/docs/api/api_limits). Every answer reports
// a window in X-RateLimit-Limit, -Remaining and -Reset (epoch seconds).
// While the rate-limit fault is on, the headers report the fault's window,
// because that is the limit the test set out to meet, unless the endpoint's
// own limit is the one that refuses.
func (a *API) Admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	own := a.limit
	if op := core.OperationOf(r); op != nil && slices.Contains(exportOperations, op.ID) {
		own = a.exportLimit
	}
	q, admitted := a.fault.Take(now)
	if admitted {
		ownQuota, ownAdmitted := own.Take(now)
		if q.Limit == 0 || !ownAdmitted {
			q, admitted = ownQuota, ownAdmitted
		}
	}
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(q.Limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(q.Remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(q.Reset.Unix(), 10))
	if !admitted {
		a.WriteError(w, r, core.Refuse(http.StatusTooManyRequests,
			"Rate Limited: over the limit of %d requests; retry after %s (X-RateLimit-Reset)", q.Limit, q.Reset.UTC().Format(time.RFC3339)))
	}
	return admitted
}

// auth admits a request only when its REST key (Authorization: Bearer)
// exists, allows the caller's address, and holds the permission that the
// operation's document names in x-required-permission
// (braze.com/docs/api/basics). A missing or unknown key gets 401, a missing
// permission 403. Braze documents no status for an address that a key's
// allowlist leaves out; the sandbox answers 401. A call with a known key
// from an allowed address records the key's last_seen_at, which
// /api_keys/info shows.
func (a *API) auth(op *core.Operation, next http.Handler) http.Handler {
	permission := op.Extension("x-required-permission")[0]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := core.BearerToken(r)
		if !ok {
			a.WriteError(w, r, core.Refuse(http.StatusUnauthorized,
				"Invalid API key: no REST API key was sent; send Authorization: Bearer YOUR-REST-API-KEY"))
			return
		}
		// Use the address of the connection itself. No forwarding header
		// is trusted, because a caller could set one to get past a key's
		// allowlist.
		caller := netip.Addr{}
		if addrPort, err := netip.ParseAddrPort(r.RemoteAddr); err == nil {
			caller = addrPort.Addr().Unmap()
		}
		var refusal *core.APIError
		a.store.Touch(func(tx *core.Tx) {
			key := a.state.keyBySecret(secret)
			switch {
			case key == nil:
				refusal = core.Refuse(http.StatusUnauthorized, "Invalid API key: unknown REST API key")
			case !key.allowsIP(caller):
				refusal = core.Refuse(http.StatusUnauthorized, "Invalid API key: this REST API key does not allow requests from %s", caller)
			default:
				now := tx.Now()
				key.LastSeenAt = &now
				if !slices.Contains(key.Permissions, permission) {
					refusal = core.Refuse(http.StatusForbidden, "Forbidden: this REST API key lacks the %s permission", permission)
				}
			}
		})
		if refusal != nil {
			a.WriteError(w, r, refusal)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// writeSuccess answers Braze's {"message": "success"} with the members of
// extra (braze.com/docs/api/errors, "Server responses").
func writeSuccess(w http.ResponseWriter, extra map[string]any) {
	body := map[string]any{"message": "success"}
	for k, v := range extra {
		body[k] = v
	}
	core.WriteJSON(w, http.StatusOK, body)
}
