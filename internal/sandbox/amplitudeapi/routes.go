package amplitudeapi

import (
	"net/http"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// Path is where the sandbox serves Amplitude's Basic-auth APIs: their base
// URL is the sandbox's URL followed by this path, standing in for
// https://amplitude.com.
const Path = "/amplitude"

// API is Amplitude's Basic-auth APIs: the project's cohorts, the delivery
// metrics of its event streams, and the modeled syncs.
type API struct {
	sb    *core.Sandbox
	store *core.Store
	// state is touched only under the store's lock (read, update).
	state  state
	vendor vendor
	// developer holds the destinations syncs send through and the user
	// properties they sync; braze is where runs write.
	developer *developerapi.API
	braze     *brazeapi.API
	// deliveries are the delivery metrics' own limits.
	deliveries *deliveryLimits
}

// New adds Amplitude's Basic-auth APIs to sb: their routes, their part of
// the state ("amplitude" in the state file), their own share of the
// rate-limit fault, the delivery metrics' limits, and the catch-up of
// simulated time, in which syncs run and write to braze.
func New(sb *core.Sandbox, developer *developerapi.API, braze *brazeapi.API) *API {
	a := &API{
		sb:         sb,
		store:      sb.Store(),
		vendor:     vendor{limit: sb.FaultWindow()},
		developer:  developer,
		braze:      braze,
		deliveries: newDeliveryLimits(),
	}
	sb.OnReset(a.deliveries.reset)
	a.store.AddPart("amplitude", &a.state)
	a.store.OnAccess(a.catchUp)
	a.routes()
	return a
}

// routes lists every endpoint of these APIs the sandbox serves.
func (a *API) routes() {
	amplitude := func(pattern string, h http.HandlerFunc) {
		a.sb.Handle(pattern, a.vendor, a.auth(h))
	}
	amplitude("POST "+Path+"/api/2/syncs", a.createSync)
	amplitude("GET "+Path+"/api/2/syncs", a.listSyncs)
	amplitude("GET "+Path+"/api/2/syncs/{id}", a.getSync)
	amplitude("PUT "+Path+"/api/2/syncs/{id}", a.replaceSync)
	amplitude("DELETE "+Path+"/api/2/syncs/{id}", a.deleteSync)
	amplitude("GET "+Path+"/api/3/cohorts", a.listCohorts)
	a.sb.Handle("GET "+Path+"/api/2/event-streaming/delivery-metrics-summary", a.vendor,
		a.auth(a.limitDeliveries(http.HandlerFunc(a.deliveryMetricsSummary))))
	// Unknown paths still answer in the vendor's shape, and count.
	a.sb.Handle(Path+"/", a.vendor, core.NotFound(a.vendor))

	a.sb.HandleControl("DELETE /_sandbox/destinations/{id}", a.removeDestination)
}
