package core_test

import (
	"maps"
	"net/http"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestReset(t *testing.T) {
	f := start(t)
	f.CreateDestination(sandboxtest.BrazeStream("s"))
	f.CreateKey([]string{"users.track"}, nil)
	f.Braze(brazeapi.AdminKey, "DELETE", "/api_keys/delete", map[string]any{"api_key_id": brazeapi.AdminKeyID}).WantStatus(t, http.StatusOK)
	f.Sandbox.SetFaults(core.Faults{LatencyMS: 1, RateLimitPerSecond: 100})

	r := f.Control("POST", "/reset", nil)
	r.WantStatus(t, http.StatusOK)

	var faults core.Faults
	f.Control("GET", "/faults", nil).Decode(t, &faults)
	if faults != (core.Faults{ErrorStatus: 503}) {
		t.Errorf("faults after reset %+v", faults)
	}
	stats := f.Sandbox.Stats()
	if len(stats.Requests.ByRoute) != 0 || stats.Requests.ByMethod["POST"] != 0 {
		t.Errorf("requests after reset %+v", stats.Requests)
	}
	want := map[string]int{"destinations": 0, "syncs": 0, "api_keys": 1, "user_properties": 4, "events": 3, "event_properties": 2, "cohorts": 2, "custom_attributes": 2}
	if !maps.Equal(stats.Objects, want) {
		t.Errorf("objects after reset %+v, want the seed %+v", stats.Objects, want)
	}
	// The deleted admin key is back.
	f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil).WantStatus(t, http.StatusOK)
}

func TestHealth(t *testing.T) {
	r := start(t).Control("GET", "/health", nil)
	r.WantStatus(t, http.StatusOK)
	if string(r.Body) != `{"status":"ok"}`+"\n" {
		t.Errorf("body %s", r.Body)
	}
}
