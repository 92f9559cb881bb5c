package developerapi

import (
	"net/http"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Path is where the sandbox serves the Developer API: its base URL is the
// sandbox's URL followed by this path, and every vendor path below it
// starts with /v1, as on the vendor's host.
const Path = "/developer-api"

// API is Amplitude's Developer API: one project, its destinations and its
// tracking plan, reached with Personal Access Tokens.
type API struct {
	sb    *core.Sandbox
	store *core.Store
	// state is touched only under the store's lock (read, update).
	state  state
	vendor vendor
	// braze is where a Braze destination's key is checked.
	braze *brazeapi.API
	// searchWindow is how many results of a query the lists page through.
	searchWindow int
}

// New adds the Developer API to sb: its routes, its part of the state
// ("developer_api" in the state file) and its own share of the rate-limit
// fault, as it is a separate service from Amplitude's other APIs. Braze
// destinations check their keys with braze.
func New(sb *core.Sandbox, braze *brazeapi.API) *API {
	a := &API{
		sb:           sb,
		store:        sb.Store(),
		vendor:       vendor{limit: sb.FaultWindow()},
		braze:        braze,
		searchWindow: searchWindow,
	}
	a.store.AddPart("developer_api", &a.state)
	a.routes()
	return a
}

// routes lists every Developer API endpoint the sandbox serves, with the
// scope each needs.
func (a *API) routes() {
	path := a.servePath
	path("/v1/context", get(scopeProjectsRead, a.getContext))
	path("/v1/projects", get(scopeProjectsRead, a.listProjects))
	path("/v1/destination-types", get(scopeDestinationsRead, a.listDestinationTypes))
	path("/v1/destination-types/{partner}", get(scopeDestinationsRead, a.getDestinationType))
	path("/v1/projects/{project_id}/destinations",
		get(scopeDestinationsRead, a.listDestinations),
		post(scopeDestinationsWrite, a.createDestination))
	path("/v1/projects/{project_id}/destinations/{id}",
		get(scopeDestinationsRead, a.getDestination),
		patch(scopeDestinationsWrite, a.updateDestination))
	path("/v1/projects/{project_id}/destinations/{id}/test", post(scopeDestinationsWrite, a.testDestination))
	path("/v1/projects/{project_id}/events",
		get(scopeTaxonomyRead, a.listEvents),
		keyed(post(scopeTaxonomyWrite, a.createEvent)))
	path("/v1/projects/{project_id}/events/{event_id}",
		get(scopeTaxonomyRead, a.getEvent),
		keyed(patch(scopeTaxonomyWrite, a.updateEvent)),
		keyed(del(scopeTaxonomyWrite, a.deleteEvent)))
	path("/v1/projects/{project_id}/events/{event_id}/event-properties",
		get(scopeTaxonomyRead, a.listEventProperties),
		keyed(post(scopeTaxonomyWrite, a.createEventProperty)))
	path("/v1/projects/{project_id}/events/{event_id}/event-properties/{event_property_id}",
		get(scopeTaxonomyRead, a.getEventProperty),
		keyed(patch(scopeTaxonomyWrite, a.updateEventProperty)),
		keyed(del(scopeTaxonomyWrite, a.deleteEventProperty)))
	path("/v1/projects/{project_id}/user-properties",
		get(scopeTaxonomyRead, a.listUserProperties),
		keyed(post(scopeTaxonomyWrite, a.createUserProperty)))
	path("/v1/projects/{project_id}/user-properties/{user_property_id}",
		get(scopeTaxonomyRead, a.getUserProperty),
		keyed(patch(scopeTaxonomyWrite, a.updateUserProperty)),
		keyed(del(scopeTaxonomyWrite, a.deleteUserProperty)))
	// Unknown paths still answer in the vendor's shape, and count.
	a.sb.Handle(Path+"/", a.vendor, core.NotFound(a.vendor))
}

// operation is one method of a path and the scope a token needs for it.
type operation struct {
	method string
	scope  string
	handle http.HandlerFunc
	// idempotent operations take a required Idempotency-Key.
	idempotent bool
}

func get(scope string, h http.HandlerFunc) operation {
	return operation{method: http.MethodGet, scope: scope, handle: h}
}

func post(scope string, h http.HandlerFunc) operation {
	return operation{method: http.MethodPost, scope: scope, handle: h}
}

func patch(scope string, h http.HandlerFunc) operation {
	return operation{method: http.MethodPatch, scope: scope, handle: h}
}

func del(scope string, h http.HandlerFunc) operation {
	return operation{method: http.MethodDelete, scope: scope, handle: h}
}

// keyed makes op a write that runs under its Idempotency-Key.
func keyed(op operation) operation {
	op.idempotent = true
	return op
}

// servePath serves a path (below /developer-api): each operation behind
// the vendor pipeline, the token's scope, on a project's path the project
// check, and on a keyed write its Idempotency-Key; any other method on the
// path is a 405 problem naming the methods it takes, as a DELETE of a
// destination is (open point: DELETE, x-modelled in
// api/amplitude-developer.openapi.yaml). Routing comes before
// authentication, as the mux decides it: a path that does not exist, or a
// method it does not take, says so to any caller.
func (a *API) servePath(path string, operations ...operation) {
	allowed := make([]string, len(operations))
	for i, op := range operations {
		allowed[i] = op.method
		var h http.Handler = op.handle
		if op.idempotent {
			h = a.idempotent(h)
		}
		if strings.Contains(path, "{project_id}") {
			h = a.inProject(h)
		}
		a.sb.Handle(op.method+" "+Path+path, a.vendor, a.auth(op.scope, h))
	}
	a.sb.Handle(Path+path, a.vendor, methodNotAllowed(a.vendor, allowed))
}

func methodNotAllowed(v core.Vendor, allowed []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		v.WriteError(w, r, core.Refuse(http.StatusMethodNotAllowed, "%s is not served on %s; it takes %s", r.Method, r.URL.Path, strings.Join(allowed, ", ")))
	})
}
