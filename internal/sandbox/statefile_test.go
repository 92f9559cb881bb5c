package sandbox_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func TestStateFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	c := newClock()
	opts := sandbox.Options{Now: c.Now, StatePath: path}

	first := startWith(t, opts, c)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("state file written before any change")
	}
	created := first.createDestination(brazeStream("kept"))
	id := created["id"].(string)
	keyID, key := first.createKey([]string{"users.track", "api_keys.list"}, nil)
	first.http.Close()

	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("state file mode %v; it holds secrets", perm)
	}

	second := startWith(t, opts, c)
	got := second.getDestination(id)
	wantString(t, got, "display_name", "kept")
	wantString(t, got, "credential_status", "connected")
	if mustJSON(t, got) != mustJSON(t, created) {
		t.Errorf("destination after reload %v, before %v", got, created)
	}
	second.braze(key, "GET", "/api_keys/list", nil).wantStatus(t, http.StatusOK)
	// Cursors keep working across restarts: new objects sort after old ones.
	newer := second.createDestination(brazeCohorts("newer"))["id"].(string)
	list := second.developer("GET", destinationsPath, nil).page(t)
	if len(list.Data) != 2 || list.Data[0]["id"] != id || list.Data[1]["id"] != newer {
		t.Errorf("list after reload %+v", list.Data)
	}
	// The secret was kept: the key check of a write that sends it again
	// passes, and the write changes nothing.
	r := second.developer("PATCH", destinationsPath+"/"+id, map[string]any{"config": map[string]any{"api_key": sandbox.BrazeAdminKey}})
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.data(t), "version", float64(1))

	// Reset rewrites the file.
	second.control("POST", "/reset", nil).wantStatus(t, http.StatusOK)
	second.http.Close()
	third := startWith(t, opts, c)
	third.developer("GET", destinationsPath+"/"+id, nil).wantProblem(t, http.StatusNotFound, "not_found", id)
	third.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/info?api_key_id="+keyID, nil).wantStatus(t, http.StatusNotFound)

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("files left in the state directory: %v", entries)
	}
}

func TestStateFileRefusedWhenUnreadable(t *testing.T) {
	tests := []struct {
		name    string
		content string
	}{
		{"not JSON", "{"},
		{"other version", `{"version": 99, "state": {}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := sandbox.Open(sandbox.Options{StatePath: path}); err == nil {
				t.Fatal("Open accepted an unreadable state file")
			}
		})
	}
}

func TestUnknownVendorPaths(t *testing.T) {
	f := start(t)
	f.amplitude("GET", "/api/2/nowhere", nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	f.amplitude("PATCH", "/api/2/syncs/x", nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/users/track", nil)
	r.wantBrazeError(t, http.StatusNotFound, "Not found")
	if r.header.Get("X-RateLimit-Limit") == "" {
		t.Error("a Braze 404 lacks the rate-limit headers")
	}
}

// A state file that cannot be written fails the request in the vendor's error
// shape rather than pretending the change was saved.
func TestStateFileWriteFailure(t *testing.T) {
	c := newClock()
	path := filepath.Join(t.TempDir(), "missing-dir", "state.json")
	f := startWith(t, sandbox.Options{Now: c.Now, StatePath: path}, c)
	f.developer("POST", destinationsPath, brazeCohorts("c")).wantProblem(t, http.StatusInternalServerError, "internal_error", "save state file")
	r := f.control("POST", "/reset", nil)
	r.wantStatus(t, http.StatusInternalServerError)
}

// Syncs, the taxonomy, the Idempotency-Keys and the Braze attributes
// survive a restart, and a reset brings back the seed's.
func TestStateFileKeepsSyncsTaxonomyAndAttributes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	c := newClock()
	opts := sandbox.Options{Now: c.Now, StatePath: path}

	first := startWith(t, opts, c)
	stream, _ := first.destinations()
	syncID := first.createSync(syncBody("user_property", "plan", stream, "hourly"))["id"].(string)
	first.write("PATCH", userPropertiesPath+"/plan", map[string]any{"description": "Plan tier"}).wantStatus(t, http.StatusOK)
	first.write("DELETE", userPropertiesPath+"/ltv", nil).wantStatus(t, http.StatusNoContent)
	key := newKey()
	created := first.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"})
	created.wantStatus(t, http.StatusCreated)
	first.addAttributes(map[string]any{"names": []string{"loyalty"}})
	c.advance(time.Hour)
	before := first.getSync(syncID)
	first.http.Close()

	second := startWith(t, opts, c)
	if after := second.getSync(syncID); mustJSON(t, after) != mustJSON(t, before) {
		t.Errorf("sync after reload %v, before %v", after, before)
	}
	wantString(t, second.developer("GET", userPropertiesPath+"/plan", nil).data(t), "description", "Plan tier")
	second.developer("GET", userPropertiesPath+"/ltv", nil).wantProblem(t, http.StatusNotFound, "not_found", "")
	replayed := second.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"})
	if replayed.header.Get("Idempotent-Replayed") != "true" || string(replayed.body) != string(created.body) {
		t.Errorf("the key was not kept: %d %s", replayed.status, replayed.body)
	}
	if got, want := mustJSON(t, second.customAttributeNames()), `["country","loyalty","plan"]`; got != want {
		t.Errorf("attributes after reload %s, want %s", got, want)
	}
	want := sandbox.ObjectCounts{Destinations: 2, Syncs: 1, APIKeys: 1, UserProperties: 3, Events: 4, EventProperties: 2, Cohorts: 2, CustomAttributes: 3}
	if got := second.server.Stats().Objects; got != want {
		t.Errorf("objects after reload %+v, want %+v", got, want)
	}

	second.control("POST", "/reset", nil).wantStatus(t, http.StatusOK)
	second.http.Close()
	third := startWith(t, opts, c)
	want = sandbox.ObjectCounts{APIKeys: 1, UserProperties: 4, Events: 3, EventProperties: 2, Cohorts: 2, CustomAttributes: 2}
	if got := third.server.Stats().Objects; got != want {
		t.Errorf("objects after reset %+v, want the seed %+v", got, want)
	}
	third.developer("GET", userPropertiesPath+"/ltv", nil).wantStatus(t, http.StatusOK)
}

// Braze's segments and custom events survive a restart; a segment a cohort
// sync made keeps its id even when only a read had derived it.
func TestStateFileKeepsSegmentsAndCustomEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	c := newClock()
	opts := sandbox.Options{Now: c.Now, StatePath: path}

	first := startWith(t, opts, c)
	_, cohorts := first.destinations()
	first.createSync(syncBody("cohort", "coh_churn_risk", cohorts, "hourly"))
	first.addSegments(map[string]any{"names": []string{"Manual"}})
	first.control("POST", "/custom_events", map[string]any{"names": []string{"Refund"}}).wantStatus(t, http.StatusOK)
	c.advance(time.Hour)
	before := first.segments("")
	first.http.Close()

	second := startWith(t, opts, c)
	if after := second.segments(""); mustJSON(t, after) != mustJSON(t, before) || len(after.Segments) != 4 {
		t.Errorf("segments after reload %v, before %v", after, before)
	}
	r := second.braze(sandbox.BrazeAdminKey, "GET", "/events", nil)
	var events customEventsBody
	r.decode(t, &events)
	if len(events.Events) != 3 || events.Events[1]["name"] != "Refund" {
		t.Errorf("events after reload %v", events.Events)
	}
}
