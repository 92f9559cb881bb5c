package sandbox

import "net/http"

// routes lists every endpoint the sandbox serves.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	amplitude := func(pattern string, h http.HandlerFunc) {
		mux.Handle(pattern, s.vendorRoute(s.amplitude, s.amplitudeAuth(h)))
	}
	taxonomy := func(pattern string, h http.HandlerFunc) {
		mux.Handle(pattern, s.vendorRoute(s.amplitude, s.amplitudeAuth(s.taxonomyLimit(h))))
	}
	braze := func(pattern, permission string, h http.HandlerFunc) {
		mux.Handle(pattern, s.vendorRoute(s.braze, s.brazeAuth(permission, h)))
	}

	amplitude("POST /amplitude/api/2/destinations", s.createDestination)
	amplitude("GET /amplitude/api/2/destinations", s.listDestinations)
	amplitude("GET /amplitude/api/2/destinations/{id}", s.getDestination)
	amplitude("PUT /amplitude/api/2/destinations/{id}", s.replaceDestination)
	amplitude("DELETE /amplitude/api/2/destinations/{id}", s.deleteDestination)

	amplitude("POST /amplitude/api/2/syncs", s.createSync)
	amplitude("GET /amplitude/api/2/syncs", s.listSyncs)
	amplitude("GET /amplitude/api/2/syncs/{id}", s.getSync)
	amplitude("PUT /amplitude/api/2/syncs/{id}", s.replaceSync)
	amplitude("DELETE /amplitude/api/2/syncs/{id}", s.deleteSync)

	// The docs' heading writes the create path with a trailing slash and
	// their examples without; both are served.
	taxonomy("POST /amplitude/api/2/taxonomy/user-property", s.createUserProperty)
	taxonomy("POST /amplitude/api/2/taxonomy/user-property/{$}", s.createUserProperty)
	taxonomy("GET /amplitude/api/2/taxonomy/user-property", s.listUserProperties)
	taxonomy("GET /amplitude/api/2/taxonomy/user-property/{user_property}", s.getUserProperty)
	taxonomy("PUT /amplitude/api/2/taxonomy/user-property/{user_property}", s.updateUserProperty)
	taxonomy("DELETE /amplitude/api/2/taxonomy/user-property/{user_property}", s.deleteUserProperty)
	taxonomy("POST /amplitude/api/2/taxonomy/user-property/{user_property}/restore", s.restoreUserProperty)

	amplitude("GET /amplitude/api/3/cohorts", s.listCohorts)
	amplitude("GET /amplitude/api/2/event-streaming/delivery-metrics-summary", s.deliveryMetricsSummary)

	braze("POST /braze/api_keys/create", "api_keys.create", s.createAPIKey)
	braze("GET /braze/api_keys/list", "api_keys.list", s.listAPIKeys)
	braze("GET /braze/api_keys/info", "api_keys.info", s.apiKeyInfo)
	braze("DELETE /braze/api_keys/delete", "api_keys.delete", s.deleteAPIKey)
	braze("GET "+customAttributesPath, "custom_attributes.get", s.listCustomAttributes)

	// Unknown vendor paths still answer in the vendor's shape, and count.
	mux.Handle("/amplitude/", s.vendorRoute(s.amplitude, notFound(s.amplitude)))
	mux.Handle("/braze/", s.vendorRoute(s.braze, notFound(s.braze)))

	mux.HandleFunc("GET /_sandbox/health", s.health)
	mux.HandleFunc("POST /_sandbox/reset", s.reset)
	mux.HandleFunc("GET /_sandbox/faults", s.getFaults)
	mux.HandleFunc("PUT /_sandbox/faults", s.putFaults)
	mux.HandleFunc("GET /_sandbox/stats", s.stats)
	mux.HandleFunc("POST /_sandbox/custom_attributes", s.addCustomAttributes)
	return mux
}
