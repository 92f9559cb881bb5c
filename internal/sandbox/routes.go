package sandbox

import (
	"net/http"
	"strings"
)

// routes lists every endpoint the sandbox serves.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	amplitude := func(pattern string, h http.HandlerFunc) {
		mux.Handle(pattern, s.vendorRoute(s.amplitude, s.amplitudeAuth(h)))
	}
	braze := func(pattern, permission string, h http.HandlerFunc) {
		mux.Handle(pattern, s.vendorRoute(s.braze, s.brazeAuth(permission, h)))
	}
	brazeExport := func(pattern, permission string, h http.HandlerFunc) {
		mux.Handle(pattern, s.vendorRoute(s.brazeExports, s.brazeAuth(permission, h)))
	}

	developer := func(path string, operations ...developerOperation) {
		s.serveDeveloperPath(mux, path, operations...)
	}

	developer("/v1/context", get(scopeProjectsRead, s.getContext))
	developer("/v1/projects", get(scopeProjectsRead, s.listProjects))
	developer("/v1/destination-types", get(scopeDestinationsRead, s.listDestinationTypes))
	developer("/v1/destination-types/{partner}", get(scopeDestinationsRead, s.getDestinationType))
	developer("/v1/projects/{project_id}/destinations",
		get(scopeDestinationsRead, s.listDestinations),
		post(scopeDestinationsWrite, s.createDestination))
	developer("/v1/projects/{project_id}/destinations/{id}",
		get(scopeDestinationsRead, s.getDestination),
		patch(scopeDestinationsWrite, s.updateDestination))
	developer("/v1/projects/{project_id}/destinations/{id}/test", post(scopeDestinationsWrite, s.testDestination))
	developer("/v1/projects/{project_id}/events",
		get(scopeTaxonomyRead, s.listEvents),
		keyed(post(scopeTaxonomyWrite, s.createEvent)))
	developer("/v1/projects/{project_id}/events/{event_id}",
		get(scopeTaxonomyRead, s.getEvent),
		keyed(patch(scopeTaxonomyWrite, s.updateEvent)),
		keyed(del(scopeTaxonomyWrite, s.deleteEvent)))
	developer("/v1/projects/{project_id}/events/{event_id}/event-properties",
		get(scopeTaxonomyRead, s.listEventProperties),
		keyed(post(scopeTaxonomyWrite, s.createEventProperty)))
	developer("/v1/projects/{project_id}/events/{event_id}/event-properties/{event_property_id}",
		get(scopeTaxonomyRead, s.getEventProperty),
		keyed(patch(scopeTaxonomyWrite, s.updateEventProperty)),
		keyed(del(scopeTaxonomyWrite, s.deleteEventProperty)))
	developer("/v1/projects/{project_id}/user-properties",
		get(scopeTaxonomyRead, s.listUserProperties),
		keyed(post(scopeTaxonomyWrite, s.createUserProperty)))
	developer("/v1/projects/{project_id}/user-properties/{user_property_id}",
		get(scopeTaxonomyRead, s.getUserProperty),
		keyed(patch(scopeTaxonomyWrite, s.updateUserProperty)),
		keyed(del(scopeTaxonomyWrite, s.deleteUserProperty)))

	amplitude("POST /amplitude/api/2/syncs", s.createSync)
	amplitude("GET /amplitude/api/2/syncs", s.listSyncs)
	amplitude("GET /amplitude/api/2/syncs/{id}", s.getSync)
	amplitude("PUT /amplitude/api/2/syncs/{id}", s.replaceSync)
	amplitude("DELETE /amplitude/api/2/syncs/{id}", s.deleteSync)

	amplitude("GET /amplitude/api/3/cohorts", s.listCohorts)
	amplitude("GET /amplitude/api/2/event-streaming/delivery-metrics-summary", s.deliveryMetricsSummary)

	braze("POST /braze/api_keys/create", "api_keys.create", s.createAPIKey)
	braze("GET /braze/api_keys/list", "api_keys.list", s.listAPIKeys)
	braze("GET /braze/api_keys/info", "api_keys.info", s.apiKeyInfo)
	braze("DELETE /braze/api_keys/delete", "api_keys.delete", s.deleteAPIKey)
	braze("GET /braze/segments/list", "segments.list", s.listSegments)
	brazeExport("GET "+customAttributesPath, "custom_attributes.get", s.listCustomAttributes)
	brazeExport("GET "+customEventsPath, "events.get", s.listCustomEvents)

	// Unknown vendor paths still answer in the vendor's shape, and count.
	mux.Handle(DeveloperAPIPath+"/", s.vendorRoute(s.developer, notFound(s.developer)))
	mux.Handle("/amplitude/", s.vendorRoute(s.amplitude, notFound(s.amplitude)))
	mux.Handle("/braze/", s.vendorRoute(s.braze, notFound(s.braze)))

	mux.HandleFunc("GET /_sandbox/health", s.health)
	mux.HandleFunc("POST /_sandbox/reset", s.reset)
	mux.HandleFunc("GET /_sandbox/faults", s.getFaults)
	mux.HandleFunc("PUT /_sandbox/faults", s.putFaults)
	mux.HandleFunc("GET /_sandbox/stats", s.stats)
	mux.HandleFunc("POST /_sandbox/custom_attributes", s.addCustomAttributes)
	mux.HandleFunc("POST /_sandbox/custom_events", s.addCustomEvents)
	mux.HandleFunc("POST /_sandbox/segments", s.addSegments)
	mux.HandleFunc("DELETE /_sandbox/destinations/{id}", s.removeDestination)
	return mux
}

// developerOperation is one method of a Developer API path and the scope
// a token needs for it.
type developerOperation struct {
	method string
	scope  string
	handle http.HandlerFunc
	// idempotent operations take a required Idempotency-Key.
	idempotent bool
}

func get(scope string, h http.HandlerFunc) developerOperation {
	return developerOperation{method: http.MethodGet, scope: scope, handle: h}
}

func post(scope string, h http.HandlerFunc) developerOperation {
	return developerOperation{method: http.MethodPost, scope: scope, handle: h}
}

func patch(scope string, h http.HandlerFunc) developerOperation {
	return developerOperation{method: http.MethodPatch, scope: scope, handle: h}
}

func del(scope string, h http.HandlerFunc) developerOperation {
	return developerOperation{method: http.MethodDelete, scope: scope, handle: h}
}

// keyed makes op a write that runs under its Idempotency-Key.
func keyed(op developerOperation) developerOperation {
	op.idempotent = true
	return op
}

// serveDeveloperPath serves a Developer API path (below /developer-api):
// each operation behind the vendor pipeline, the token's scope, on a
// project's path the project check, and on a keyed write its
// Idempotency-Key; any other method on the path is a 405
// problem naming the methods it takes. Routing comes before
// authentication, as the mux decides it: a path that does not exist, or a
// method it does not take, says so to any caller.
func (s *Server) serveDeveloperPath(mux *http.ServeMux, path string, operations ...developerOperation) {
	allowed := make([]string, len(operations))
	for i, op := range operations {
		allowed[i] = op.method
		var h http.Handler = op.handle
		if op.idempotent {
			h = s.idempotent(h)
		}
		if strings.Contains(path, "{project_id}") {
			h = s.inProject(h)
		}
		mux.Handle(op.method+" "+DeveloperAPIPath+path, s.vendorRoute(s.developer, s.developerAuth(op.scope, h)))
	}
	mux.Handle(DeveloperAPIPath+path, s.vendorRoute(s.developer, methodNotAllowed(s.developer, allowed)))
}

func methodNotAllowed(v vendor, allowed []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		v.writeError(w, r, refuse(http.StatusMethodNotAllowed, "%s is not served on %s; it takes %s", r.Method, r.URL.Path, strings.Join(allowed, ", ")))
	})
}
