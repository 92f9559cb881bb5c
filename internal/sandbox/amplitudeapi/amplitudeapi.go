// Package amplitudeapi is the sandbox's Amplitude Basic-auth APIs, which
// api/amplitude-basic.openapi.yaml describes, served under /amplitude as on
// amplitude.com: the Behavioral Cohorts API's list of cohorts, the
// event-streaming delivery metrics with their limits, and the modelled
// syncs, which push a user property, computation, cohort or recommendation
// to a Braze destination on a cadence.
//
// Syncs tie this package to the other vendors' parts. They send through a
// Developer API destination and may sync a tracking-plan user property, and
// as simulated time runs them they write Braze custom attributes and
// segments. All of that goes through functions those packages export, under
// the store's one lock. When a destination is removed the way Amplitude's
// dashboard removes one (DELETE /_sandbox/destinations/{id}), its syncs go
// with it, so that control endpoint is served here, where both the
// destination and its syncs are visible.
package amplitudeapi

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi/destinations"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi/taxonomy"
)

// Path is where the sandbox serves these APIs. The sandbox's URL followed by
// this path stands in for https://amplitude.com.
const Path = "/amplitude"

// The project's Basic credentials. They are public on purpose: the sandbox
// only listens on loopback and holds no real data.
const (
	APIKey    = "sandbox-api-key"
	SecretKey = "sandbox-secret-key"
)

// API is the part of the sandbox that serves Amplitude's Basic-auth APIs.
type API struct {
	sb    *core.Sandbox
	store *core.Store
	// state is touched only under the store's lock.
	state state
	// fault is the rate-limit fault's window. deliveries holds the only
	// limits Amplitude publishes for these endpoints, the delivery metrics'.
	fault      *core.Window
	deliveries *deliveryLimits
	// The other parts syncs touch: the destinations they send through, the
	// tracking plan whose user properties they sync, and the Braze
	// workspace their runs write to.
	destinations *destinations.API
	taxonomy     *taxonomy.API
	braze        *brazeapi.API
}

// New adds the APIs to sb: their routes, their part of the state
// ("amplitude" in the state file), the delivery metrics' limits, and the
// catch-up of simulated time, in which syncs run and write to Braze.
func New(sb *core.Sandbox, d *destinations.API, t *taxonomy.API, braze *brazeapi.API) *API {
	a := &API{sb: sb, store: sb.Store(), fault: sb.FaultWindow(), deliveries: newDeliveryLimits(), destinations: d, taxonomy: t, braze: braze}
	sb.OnReset(a.deliveries.reset)
	a.store.AddPart("amplitude", &a.state)
	a.store.OnAccess(a.catchUp)
	sb.ServeAPI(core.APIConfig{Prefix: Path, Document: api.AmplitudeBasic, Vendor: a, Guard: a.guard}).Serve(map[string]http.HandlerFunc{
		"listCohorts": a.listCohorts, "getDeliveryMetricsSummary": a.deliveryMetricsSummary,
		"createSync": a.createSync, "listSyncs": a.listSyncs, "getSync": a.getSync, "replaceSync": a.replaceSync, "deleteSync": a.deleteSync,
	})
	sb.HandleControl("DELETE /_sandbox/destinations/{id}", a.removeDestination)
	return a
}

// WriteError answers in the error shape of Amplitude's Basic-auth APIs,
// {"success": false, "errors": [{"message"}]}
// (amplitude.com/docs/apis/analytics/taxonomy). Amplitude documents no
// rate-limit header for these APIs, so only the rate-limit fault's 429,
// which is the sandbox's own, sends Retry-After.
func (a *API) WriteError(w http.ResponseWriter, _ *http.Request, e *core.APIError) {
	if e.Status == http.StatusTooManyRequests && e.RetryAfterSeconds > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfterSeconds))
	}
	errors := make([]map[string]string, len(e.Messages))
	for i, m := range e.Messages {
		errors[i] = map[string]string{"message": m}
	}
	core.WriteJSON(w, e.Status, map[string]any{"success": false, "errors": errors})
}

// Admit refuses a request only when the rate-limit fault is on and its
// window is spent.
func (a *API) Admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := a.fault.Take(now)
	if !admitted {
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(q.Reset.Unix(), 10))
		tooMany := core.Refuse(http.StatusTooManyRequests,
			"Too many requests: the limit is %d requests per second; retry after %d seconds", q.Limit, q.RetryAfter(now))
		tooMany.RetryAfterSeconds = q.RetryAfter(now)
		a.WriteError(w, r, tooMany)
	}
	return admitted
}

// guard checks the project's Basic credentials, base64(api_key:secret_key),
// as every Amplitude API does
// (amplitude.com/docs/apis/analytics/behavioral-cohorts). Missing or wrong
// credentials get 401, with the Basic challenge that RFC 9110 requires of a
// 401. The delivery metrics' limits apply only after the credentials pass,
// because only the credentials name the project whose limits a request
// counts against; from there on every request counts, valid or not.
func (a *API) guard(op *core.Operation, next http.Handler) http.Handler {
	if op.ID == "getDeliveryMetricsSummary" {
		next = a.limitDeliveries(next)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apiKey, secretKey, ok := r.BasicAuth()
		if ok && apiKey == APIKey && secretKey == SecretKey {
			next.ServeHTTP(w, r)
			return
		}
		message := "Invalid API key or secret key"
		if !ok {
			message = "Missing credentials: send Authorization: Basic base64(api_key:secret_key)"
		}
		w.Header().Set("WWW-Authenticate", `Basic realm="Amplitude"`)
		a.WriteError(w, r, core.Refuse(http.StatusUnauthorized, "%s", message))
	})
}

// errNotFound is the answer to a request for an unknown object, as the
// Taxonomy API gives it (amplitude.com/docs/apis/analytics/taxonomy).
var errNotFound = core.Refuse(http.StatusNotFound, "Not found")

// writeData answers in the modelled syncs' envelope, {"success": true,
// "data": …}, and adds next_cursor when the answer is a list.
func writeData(w http.ResponseWriter, data any, list bool, nextCursor *string) {
	body := map[string]any{"success": true, "data": data}
	if list {
		body["next_cursor"] = nextCursor
	}
	core.WriteJSON(w, http.StatusOK, body)
}
