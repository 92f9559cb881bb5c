package core_test

import (
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestStateFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	c := sandboxtest.NewClock()
	opts := core.Options{Now: c.Now, StatePath: path}

	first := startWith(t, opts, c)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("state file written before any change")
	}
	created := first.CreateDestination(sandboxtest.BrazeStream("kept"))
	id := created["id"].(string)
	keyID, key := first.CreateKey([]string{"users.track", "api_keys.list"}, nil)
	first.HTTP.Close()

	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("state file mode %v; it holds secrets", perm)
	}

	second := startWith(t, opts, c)
	got := second.GetDestination(id)
	sandboxtest.WantString(t, got, "display_name", "kept")
	sandboxtest.WantString(t, got, "credential_status", "connected")
	if sandboxtest.MustJSON(t, got) != sandboxtest.MustJSON(t, created) {
		t.Errorf("destination after reload %v, before %v", got, created)
	}
	second.Braze(key, "GET", "/api_keys/list", nil).WantStatus(t, http.StatusOK)
	// Cursors keep working across restarts: new objects sort after old ones.
	newer := second.CreateDestination(sandboxtest.BrazeCohorts("newer"))["id"].(string)
	list := second.Developer("GET", sandboxtest.DestinationsPath, nil).Page(t)
	if len(list.Data) != 2 || list.Data[0]["id"] != id || list.Data[1]["id"] != newer {
		t.Errorf("list after reload %+v", list.Data)
	}
	// The secret was kept: the key check of a write that sends it again
	// passes, and the write changes nothing.
	r := second.Developer("PATCH", sandboxtest.DestinationsPath+"/"+id, map[string]any{"config": map[string]any{"api_key": brazeapi.AdminKey}})
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, r.Data(t), "version", float64(1))

	// Reset rewrites the file.
	second.Control("POST", "/reset", nil).WantStatus(t, http.StatusOK)
	second.HTTP.Close()
	third := startWith(t, opts, c)
	third.Developer("GET", sandboxtest.DestinationsPath+"/"+id, nil).WantProblem(t, http.StatusNotFound, "not_found", id)
	third.Braze(brazeapi.AdminKey, "GET", "/api_keys/info?api_key_id="+keyID, nil).WantStatus(t, http.StatusNotFound)

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
		{"a part missing", `{"version": 8, "state": {"developer_api": {}}}`},
		{"a part of another shape", `{"version": 8, "state": {"braze": {"api_keys": 1}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			sb := core.New(core.Options{StatePath: path})
			brazeapi.New(sb)
			if err := sb.Start(); err == nil {
				t.Fatal("Start accepted an unreadable state file")
			}
		})
	}
}

// A state file that cannot be written fails the request in the vendor's error
// shape rather than pretending the change was saved.
func TestStateFileWriteFailure(t *testing.T) {
	c := sandboxtest.NewClock()
	path := filepath.Join(t.TempDir(), "missing-dir", "state.json")
	f := startWith(t, core.Options{Now: c.Now, StatePath: path}, c)
	f.Developer("POST", sandboxtest.DestinationsPath, sandboxtest.BrazeCohorts("c")).WantProblem(t, http.StatusInternalServerError, "internal_error", "save state file")
	r := f.Control("POST", "/reset", nil)
	r.WantStatus(t, http.StatusInternalServerError)
}

// Syncs, the taxonomy, the Idempotency-Keys and the Braze attributes
// survive a restart, and a reset brings back the seed's.
func TestStateFileKeepsSyncsTaxonomyAndAttributes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	c := sandboxtest.NewClock()
	opts := core.Options{Now: c.Now, StatePath: path}

	first := startWith(t, opts, c)
	stream, _ := first.Destinations()
	syncID := first.CreateSync(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"))["id"].(string)
	first.Write("PATCH", sandboxtest.UserPropertiesPath+"/plan", map[string]any{"description": "Plan tier"}).WantStatus(t, http.StatusOK)
	first.Write("DELETE", sandboxtest.UserPropertiesPath+"/ltv", nil).WantStatus(t, http.StatusNoContent)
	key := sandboxtest.NewKey()
	created := first.WriteAs(developerapi.AdminToken, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"})
	created.WantStatus(t, http.StatusCreated)
	first.AddAttributes(map[string]any{"names": []string{"loyalty"}})
	c.Advance(time.Hour)
	before := first.GetSync(syncID)
	first.HTTP.Close()

	second := startWith(t, opts, c)
	if after := second.GetSync(syncID); sandboxtest.MustJSON(t, after) != sandboxtest.MustJSON(t, before) {
		t.Errorf("sync after reload %v, before %v", after, before)
	}
	sandboxtest.WantString(t, second.Developer("GET", sandboxtest.UserPropertiesPath+"/plan", nil).Data(t), "description", "Plan tier")
	second.Developer("GET", sandboxtest.UserPropertiesPath+"/ltv", nil).WantProblem(t, http.StatusNotFound, "not_found", "")
	replayed := second.WriteAs(developerapi.AdminToken, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"})
	if replayed.Header.Get("Idempotent-Replayed") != "true" || string(replayed.Body) != string(created.Body) {
		t.Errorf("the key was not kept: %d %s", replayed.Status, replayed.Body)
	}
	if got, want := sandboxtest.MustJSON(t, second.CustomAttributeNames()), `["country","loyalty","plan"]`; got != want {
		t.Errorf("attributes after reload %s, want %s", got, want)
	}
	want := map[string]int{"destinations": 2, "syncs": 1, "api_keys": 1, "user_properties": 3, "events": 4, "event_properties": 2, "cohorts": 2, "custom_attributes": 3}
	if got := second.Sandbox.Stats().Objects; !maps.Equal(got, want) {
		t.Errorf("objects after reload %+v, want %+v", got, want)
	}

	second.Control("POST", "/reset", nil).WantStatus(t, http.StatusOK)
	second.HTTP.Close()
	third := startWith(t, opts, c)
	want = map[string]int{"destinations": 0, "syncs": 0, "api_keys": 1, "user_properties": 4, "events": 3, "event_properties": 2, "cohorts": 2, "custom_attributes": 2}
	if got := third.Sandbox.Stats().Objects; !maps.Equal(got, want) {
		t.Errorf("objects after reset %+v, want the seed %+v", got, want)
	}
	third.Developer("GET", sandboxtest.UserPropertiesPath+"/ltv", nil).WantStatus(t, http.StatusOK)
}

// Braze's segments and custom events survive a restart; a segment a cohort
// sync made keeps its id even when only a read had derived it.
func TestStateFileKeepsSegmentsAndCustomEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	c := sandboxtest.NewClock()
	opts := core.Options{Now: c.Now, StatePath: path}

	first := startWith(t, opts, c)
	_, cohorts := first.Destinations()
	first.CreateSync(sandboxtest.SyncBody("cohort", "coh_churn_risk", cohorts, "hourly"))
	first.AddSegments(map[string]any{"names": []string{"Manual"}})
	first.Control("POST", "/custom_events", map[string]any{"names": []string{"Refund"}}).WantStatus(t, http.StatusOK)
	c.Advance(time.Hour)
	before := first.Segments("")
	first.HTTP.Close()

	second := startWith(t, opts, c)
	if after := second.Segments(""); sandboxtest.MustJSON(t, after) != sandboxtest.MustJSON(t, before) || len(after.Segments) != 4 {
		t.Errorf("segments after reload %v, before %v", after, before)
	}
	r := second.Braze(brazeapi.AdminKey, "GET", "/events", nil)
	var events sandboxtest.CustomEventsBody
	r.Decode(t, &events)
	if len(events.Events) != 3 || events.Events[1]["name"] != "Refund" {
		t.Errorf("events after reload %v", events.Events)
	}
}
