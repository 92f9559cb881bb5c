package core_test

import (
	"maps"
	"net/http"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestStats(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.BrazeCohorts("c"))["id"].(string)
	f.Developer("GET", sandboxtest.DestinationsPath+"/"+id, nil)
	f.Developer("GET", sandboxtest.DestinationsPath+"/"+id, nil)
	f.Developer("GET", sandboxtest.DestinationsPath+"/unknown", nil)                                // 404s count too
	f.Send("GET", developerapi.Path+sandboxtest.DestinationsPath, nil, nil)                         // and 401s
	f.Developer("DELETE", sandboxtest.DestinationsPath+"/"+id, nil)                                 // and 405s
	f.Developer("PATCH", sandboxtest.DestinationsPath+"/"+id, map[string]any{"display_name": "c2"}) // and PATCHes
	f.Developer("GET", "/v1/nothing-here", nil)                                                     // and unknown paths
	f.Amplitude("GET", "/api/2/nothing-here", nil)
	f.Braze(brazeapi.AdminKey, "DELETE", "/api_keys/delete", "{}") // and 400s
	f.Control("GET", "/health", nil)                               // control requests do not
	f.Control("GET", "/faults", nil)
	f.Control("DELETE", "/destinations/"+id, nil)

	var got core.Stats
	r := f.Control("GET", "/stats", nil)
	r.WantStatus(t, http.StatusOK)
	r.Decode(t, &got)

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
	wantObjects := map[string]int{"destinations": 0, "syncs": 0, "api_keys": 1, "user_properties": 4, "events": 3, "event_properties": 2, "cohorts": 2, "custom_attributes": 2}
	if !maps.Equal(got.Objects, wantObjects) {
		t.Errorf("objects %+v, want %+v", got.Objects, wantObjects)
	}
	if direct := f.Sandbox.Stats(); !maps.Equal(direct.Objects, got.Objects) || direct.Requests.ByMethod["GET"] != 6 {
		t.Errorf("Server.Stats() %+v disagrees with the endpoint", direct)
	}
}

func TestStatsWireShape(t *testing.T) {
	f := start(t)
	var raw map[string]map[string]any
	f.Control("GET", "/stats", nil).Decode(t, &raw)
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
	f.Sandbox.SetFaults(core.Faults{ErrorRate: 1})
	f.Developer("GET", sandboxtest.DestinationsPath, nil)
	if got := f.Sandbox.Stats().Requests.ByRoute["GET /developer-api/v1/projects/{project_id}/destinations"]; got != 1 {
		t.Fatalf("faulted request counted %d times, want 1", got)
	}
}

// The new endpoints count like the others, and their objects appear in the
// counts: syncs, live taxonomy objects, cohorts and custom attributes.
func TestStatsCountNewObjectsAndRoutes(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	f.CreateSync(sandboxtest.SyncBody("user_property", "ltv", stream, "hourly"))
	f.Write("POST", sandboxtest.UserPropertiesPath, map[string]any{"property_name": "tier"}).WantStatus(t, http.StatusCreated)
	f.Write("DELETE", sandboxtest.UserPropertiesPath+"/plan", nil).WantStatus(t, http.StatusNoContent)
	f.Write("DELETE", sandboxtest.EventPath("Purchase"), nil).WantStatus(t, http.StatusNoContent)
	f.Amplitude("GET", "/api/3/cohorts", nil)
	f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
	f.Clock.Advance(time.Hour) // the sync runs and writes ltv to Braze

	got := f.Sandbox.Stats()
	want := map[string]int{"destinations": 2, "syncs": 1, "api_keys": 1, "user_properties": 4, "events": 2, "event_properties": 0, "cohorts": 2, "custom_attributes": 3}
	if !maps.Equal(got.Objects, want) {
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
