package sandbox_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func TestStats(t *testing.T) {
	f := start(t)
	id := f.createDestination(brazeCohorts("c"))["id"].(string)
	f.developer("GET", destinationsPath+"/"+id, nil)
	f.developer("GET", destinationsPath+"/"+id, nil)
	f.developer("GET", destinationsPath+"/unknown", nil)                                // 404s count too
	f.send("GET", sandbox.DeveloperAPIPath+destinationsPath, nil, nil)                  // and 401s
	f.developer("DELETE", destinationsPath+"/"+id, nil)                                 // and 405s
	f.developer("PATCH", destinationsPath+"/"+id, map[string]any{"display_name": "c2"}) // and PATCHes
	f.developer("GET", "/v1/nothing-here", nil)                                         // and unknown paths
	f.amplitude("GET", "/api/2/nothing-here", nil)
	f.braze(sandbox.BrazeAdminKey, "DELETE", "/api_keys/delete", "{}") // and 400s
	f.control("GET", "/health", nil)                                   // control requests do not
	f.control("GET", "/faults", nil)
	f.control("DELETE", "/destinations/"+id, nil)

	var got sandbox.Stats
	r := f.control("GET", "/stats", nil)
	r.wantStatus(t, http.StatusOK)
	r.decode(t, &got)

	wantMethods := map[string]int{"GET": 6, "POST": 1, "PATCH": 1, "PUT": 0, "DELETE": 2}
	for method, want := range wantMethods {
		if got.Requests.ByMethod[method] != want {
			t.Errorf("by_method[%s] = %d, want %d", method, got.Requests.ByMethod[method], want)
		}
	}
	wantRoutes := map[string]int{
		"POST /developer-api/v1/projects/{project_id}/destinations":       1,
		"GET /developer-api/v1/projects/{project_id}/destinations/{id}":   3,
		"GET /developer-api/v1/projects/{project_id}/destinations":        1,
		"/developer-api/v1/projects/{project_id}/destinations/{id}":       1,
		"PATCH /developer-api/v1/projects/{project_id}/destinations/{id}": 1,
		"/developer-api/":               1,
		"/amplitude/":                   1,
		"DELETE /braze/api_keys/delete": 1,
	}
	if len(got.Requests.ByRoute) != len(wantRoutes) {
		t.Errorf("by_route %v, want %v", got.Requests.ByRoute, wantRoutes)
	}
	for route, want := range wantRoutes {
		if got.Requests.ByRoute[route] != want {
			t.Errorf("by_route[%q] = %d, want %d", route, got.Requests.ByRoute[route], want)
		}
	}
	wantObjects := sandbox.ObjectCounts{Destinations: 0, Syncs: 0, APIKeys: 1, UserProperties: 4, Events: 3, EventProperties: 2, Cohorts: 2, CustomAttributes: 2}
	if got.Objects != wantObjects {
		t.Errorf("objects %+v, want %+v", got.Objects, wantObjects)
	}
	if direct := f.server.Stats(); direct.Objects != got.Objects || direct.Requests.ByMethod["GET"] != 6 {
		t.Errorf("Server.Stats() %+v disagrees with the endpoint", direct)
	}
}

func TestStatsWireShape(t *testing.T) {
	f := start(t)
	var raw map[string]map[string]any
	f.control("GET", "/stats", nil).decode(t, &raw)
	for _, key := range []string{"by_method", "by_route"} {
		if _, ok := raw["requests"][key]; !ok {
			t.Errorf("requests.%s missing", key)
		}
	}
	for _, key := range []string{"destinations", "syncs", "api_keys", "user_properties", "events", "event_properties", "cohorts", "custom_attributes"} {
		if _, ok := raw["objects"][key]; !ok {
			t.Errorf("objects.%s missing", key)
		}
	}
}

func TestStatsCountFaultedRequests(t *testing.T) {
	f := start(t)
	f.server.SetFaults(sandbox.Faults{ErrorRate: 1})
	f.developer("GET", destinationsPath, nil)
	if got := f.server.Stats().Requests.ByRoute["GET /developer-api/v1/projects/{project_id}/destinations"]; got != 1 {
		t.Fatalf("faulted request counted %d times, want 1", got)
	}
}

func TestReset(t *testing.T) {
	f := start(t)
	f.createDestination(brazeStream("s"))
	f.createKey([]string{"users.track"}, nil)
	f.braze(sandbox.BrazeAdminKey, "DELETE", "/api_keys/delete", map[string]any{"api_key_id": sandbox.BrazeAdminKeyID}).wantStatus(t, http.StatusOK)
	f.server.SetFaults(sandbox.Faults{LatencyMS: 1, RateLimitPerSecond: 100})

	r := f.control("POST", "/reset", nil)
	r.wantStatus(t, http.StatusOK)

	var faults sandbox.Faults
	f.control("GET", "/faults", nil).decode(t, &faults)
	if faults != (sandbox.Faults{ErrorStatus: 503}) {
		t.Errorf("faults after reset %+v", faults)
	}
	stats := f.server.Stats()
	if len(stats.Requests.ByRoute) != 0 || stats.Requests.ByMethod["POST"] != 0 {
		t.Errorf("requests after reset %+v", stats.Requests)
	}
	want := sandbox.ObjectCounts{APIKeys: 1, UserProperties: 4, Events: 3, EventProperties: 2, Cohorts: 2, CustomAttributes: 2}
	if stats.Objects != want {
		t.Errorf("objects after reset %+v, want the seed %+v", stats.Objects, want)
	}
	// The deleted admin key is back.
	f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil).wantStatus(t, http.StatusOK)
}

func TestHealth(t *testing.T) {
	r := start(t).control("GET", "/health", nil)
	r.wantStatus(t, http.StatusOK)
	if string(r.body) != `{"status":"ok"}`+"\n" {
		t.Errorf("body %s", r.body)
	}
}

// The new endpoints count like the others, and their objects appear in the
// counts: syncs, live taxonomy objects, cohorts and custom attributes.
func TestStatsCountNewObjectsAndRoutes(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	f.createSync(syncBody("user_property", "ltv", stream, "hourly"))
	f.write("POST", userPropertiesPath, map[string]any{"property_name": "tier"}).wantStatus(t, http.StatusCreated)
	f.write("DELETE", userPropertiesPath+"/plan", nil).wantStatus(t, http.StatusNoContent)
	f.write("DELETE", eventPath("Purchase"), nil).wantStatus(t, http.StatusNoContent)
	f.amplitude("GET", "/api/3/cohorts", nil)
	f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil)
	f.clock.advance(time.Hour) // the sync runs and writes ltv to Braze

	got := f.server.Stats()
	want := sandbox.ObjectCounts{Destinations: 2, Syncs: 1, APIKeys: 1, UserProperties: 4, Events: 2, EventProperties: 0, Cohorts: 2, CustomAttributes: 3}
	if got.Objects != want {
		t.Errorf("objects %+v, want %+v", got.Objects, want)
	}
	for route, n := range map[string]int{
		"POST /amplitude/api/2/syncs":                                                       1,
		"POST /developer-api/v1/projects/{project_id}/user-properties":                      1,
		"DELETE /developer-api/v1/projects/{project_id}/user-properties/{user_property_id}": 1,
		"DELETE /developer-api/v1/projects/{project_id}/events/{event_id}":                  1,
		"GET /amplitude/api/3/cohorts":                                                      1,
		"GET /braze/custom_attributes":                                                      1,
	} {
		if got.Requests.ByRoute[route] != n {
			t.Errorf("by_route[%q] = %d, want %d", route, got.Requests.ByRoute[route], n)
		}
	}
}
