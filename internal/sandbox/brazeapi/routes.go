package brazeapi

import (
	"net/http"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Path is where the sandbox serves Braze: its base URL is the sandbox's URL
// followed by this path, standing in for every instance's REST endpoint.
const Path = "/braze"

// API is Braze's half of the sandbox: one workspace, its REST keys, custom
// attributes, custom events and segments.
type API struct {
	sb    *core.Sandbox
	store *core.Store
	// state is touched only under the store's lock.
	state state
	// braze answers the endpoints under Braze's default hourly limit;
	// exports those that share the export limit. They share the rate-limit
	// fault's window.
	braze, exports vendor
}

// New adds Braze to sb: its routes, its part of the state ("braze" in the
// state file) and its hourly limits.
func New(sb *core.Sandbox) *API {
	fault := sb.FaultWindow()
	a := &API{
		sb:      sb,
		store:   sb.Store(),
		braze:   vendor{fault: fault, limit: &core.Window{}},
		exports: vendor{fault: fault, limit: &core.Window{}},
	}
	a.resetLimits()
	sb.OnReset(a.resetLimits)
	a.store.AddPart("braze", &a.state)
	a.routes()
	return a
}

// resetLimits starts Braze's own hourly limits afresh.
func (a *API) resetLimits() {
	a.braze.limit.Configure(defaultLimit, time.Hour)
	a.exports.limit.Configure(exportLimit, time.Hour)
}

// routes lists every Braze endpoint the sandbox serves, with the
// permission each needs.
func (a *API) routes() {
	braze := func(pattern, permission string, h http.HandlerFunc) {
		a.sb.Handle(pattern, a.braze, a.auth(permission, h))
	}
	export := func(pattern, permission string, h http.HandlerFunc) {
		a.sb.Handle(pattern, a.exports, a.auth(permission, h))
	}
	braze("POST "+Path+"/api_keys/create", "api_keys.create", a.createAPIKey)
	braze("GET "+Path+"/api_keys/list", "api_keys.list", a.listAPIKeys)
	braze("GET "+Path+"/api_keys/info", "api_keys.info", a.apiKeyInfo)
	braze("DELETE "+Path+"/api_keys/delete", "api_keys.delete", a.deleteAPIKey)
	braze("GET "+Path+"/segments/list", "segments.list", a.listSegments)
	export("GET "+customAttributesPath, "custom_attributes.get", a.listCustomAttributes)
	export("GET "+customEventsPath, "events.get", a.listCustomEvents)
	// Unknown paths still answer in Braze's shape, and count.
	a.sb.Handle(Path+"/", a.braze, core.NotFound(a.braze))

	a.sb.HandleControl("POST /_sandbox/custom_attributes", a.addCustomAttributes)
	a.sb.HandleControl("POST /_sandbox/custom_events", a.addCustomEvents)
	a.sb.HandleControl("POST /_sandbox/segments", a.addSegments)
}
