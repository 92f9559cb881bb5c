// Package amplitudeapi is the sandbox's Amplitude Basic-auth APIs, which
// api/amplitude-basic.openapi.yaml describes, served under /amplitude as on
// amplitude.com: the Behavioral Cohorts API's list of cohorts, the
// event-streaming delivery metrics with their limits, and the modelled
// syncs, which push a user property, computation, cohort or recommendation
// to a Braze destination on a cadence.
//
// Syncs join the other vendors' parts. They send through a Developer API
// destination and may sync a tracking-plan user property, and as simulated
// time runs them they write Braze custom attributes and segments, all
// through functions those packages export, under the store's one lock. A
// destination removed as in Amplitude's dashboard (DELETE
// /_sandbox/destinations/{id}) takes its syncs with it, so that control
// endpoint is served here, where both are seen.
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

// Path is where the sandbox serves these APIs: their base URL is the
// sandbox's URL followed by this path, standing in for https://amplitude.com.
const Path = "/amplitude"

// The project's Basic credentials. They are public on purpose: the sandbox
// only listens on loopback and holds no real data.
const (
	APIKey    = "sandbox-api-key"
	SecretKey = "sandbox-secret-key"
)

// API is Amplitude's Basic-auth APIs.
type API struct {
	sb    *core.Sandbox
	store *core.Store
	// state is touched only under the store's lock.
	state state
	// fault is the rate-limit fault's window. The one limit Amplitude
	// publishes for these endpoints, the delivery metrics', is deliveries.
	fault      *core.Window
	deliveries *deliveryLimits
	// Where syncs send, what they sync, and where their runs write.
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
// rate-limit header for these APIs: only the rate-limit fault's 429, the
// sandbox's own, says Retry-After.
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

// Admit only refuses while the rate-limit fault is on.
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
// (amplitude.com/docs/apis/analytics/behavioral-cohorts): 401 without them
// or with wrong ones, with the Basic challenge RFC 9110 requires of a 401.
// The delivery metrics then take their limits: every request that names the
// project counts, valid or not, and only its credentials name it.
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

// errNotFound answers an unknown object, as the Taxonomy API answers one
// (amplitude.com/docs/apis/analytics/taxonomy).
var errNotFound = core.Refuse(http.StatusNotFound, "Not found")

// writeData answers {"success": true, "data": …}, the modelled syncs'
// envelope, with next_cursor on a list.
func writeData(w http.ResponseWriter, data any, list bool, nextCursor *string) {
	body := map[string]any{"success": true, "data": data}
	if list {
		body["next_cursor"] = nextCursor
	}
	core.WriteJSON(w, http.StatusOK, body)
}
