package amplitudeapi_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// syncState is the part of a sync that simulated time moves.
type syncState struct {
	status  string
	lastRun any
}

func (f *fixture) syncState(id string) syncState {
	f.T.Helper()
	s := f.GetSync(id)
	return syncState{status: s["status"].(string), lastRun: s["last_run_at"]}
}

func at(d time.Duration) string { return sandboxtest.Epoch.Add(d).Format(time.RFC3339) }

// A scheduled sync runs a whole period after its schedule began, and every
// period after that; reads compute it from the clock.
func TestSyncRunsOnItsCadence(t *testing.T) {
	tests := []struct {
		name    string
		body    func(stream, cohorts string) map[string]any
		elapsed time.Duration
		want    syncState
	}{
		{"hourly, before its first run", hourly, 59*time.Minute + 59*time.Second, syncState{"scheduled", nil}},
		{"hourly, at its first run", hourly, time.Hour, syncState{"active", at(time.Hour)}},
		{"hourly, between runs", hourly, 3*time.Hour + 30*time.Minute, syncState{"active", at(3 * time.Hour)}},
		{"daily, after a day and a half", daily, 36 * time.Hour, syncState{"active", at(24 * time.Hour)}},
		{"real time, every minute", realtime, 150 * time.Second, syncState{"active", at(2 * time.Minute)}},
		{"one time, runs at creation only", oneTime, 48 * time.Hour, syncState{"completed", at(0)}},
		{"disabled, never runs", disabled, 48 * time.Hour, syncState{"paused", nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := start(t)
			id := f.CreateSync(tt.body(f.Destinations()))["id"].(string)
			f.Clock.Advance(tt.elapsed)
			got := f.syncState(id)
			if got != tt.want {
				t.Fatalf("after %v: %+v, want %+v", tt.elapsed, got, tt.want)
			}
			if again := f.syncState(id); again != got {
				t.Fatalf("a second read at the same time answered %+v, then %+v", got, again)
			}
		})
	}
}

func hourly(stream, _ string) map[string]any {
	return sandboxtest.SyncBody("user_property", "plan", stream, "hourly")
}

func daily(stream, _ string) map[string]any {
	return sandboxtest.SyncBody("computation", "cmp_sessions_7d", stream, "daily")
}

func realtime(_, cohorts string) map[string]any {
	return sandboxtest.SyncBody("cohort", "coh_power_users", cohorts, "realtime")
}

func oneTime(stream, _ string) map[string]any {
	return sandboxtest.SyncBody("recommendation", "rec_top_products", stream, "one_time")
}

func disabled(stream, _ string) map[string]any {
	return sandboxtest.Set(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"), "enabled", false)
}

// Pausing keeps the last run; resuming, or changing the cadence, starts a
// new schedule from that moment.
func TestSyncPauseAndResume(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	id := f.CreateSync(hourly(stream, ""))["id"].(string)
	path := "/api/2/syncs/" + id
	put := func(body map[string]any) {
		t.Helper()
		f.Amplitude("PUT", path, body).WantStatus(t, http.StatusOK)
	}

	f.Clock.Advance(2*time.Hour + 10*time.Minute)
	put(sandboxtest.Set(hourly(stream, ""), "enabled", false))
	want := syncState{"paused", at(2 * time.Hour)}
	if got := f.syncState(id); got != want {
		t.Fatalf("paused: %+v, want %+v", got, want)
	}
	f.Clock.Advance(5 * time.Hour) // now 7h10m
	if got := f.syncState(id); got != want {
		t.Fatalf("paused for hours: %+v, want %+v", got, want)
	}

	put(hourly(stream, ""))
	if got, want := f.syncState(id), (syncState{"active", at(2 * time.Hour)}); got != want {
		t.Fatalf("resumed: %+v, want %+v", got, want)
	}
	f.Clock.Advance(time.Hour) // now 8h10m: an hour since resuming
	if got, want := f.syncState(id), (syncState{"active", at(8*time.Hour + 10*time.Minute)}); got != want {
		t.Fatalf("an hour after resuming: %+v, want %+v", got, want)
	}

	put(sandboxtest.SyncBody("user_property", "plan", stream, "daily"))
	f.Clock.Advance(23 * time.Hour)
	if got, want := f.syncState(id), (syncState{"active", at(8*time.Hour + 10*time.Minute)}); got != want {
		t.Fatalf("daily, before its first run: %+v, want %+v", got, want)
	}
	// A PUT that changes neither cadence nor enabled keeps the schedule.
	put(sandboxtest.Set(sandboxtest.SyncBody("user_property", "plan", stream, "daily"), "name", "renamed"))
	f.Clock.Advance(time.Hour)
	if got, want := f.syncState(id), (syncState{"active", at(32*time.Hour + 10*time.Minute)}); got != want {
		t.Fatalf("a day after the cadence changed: %+v, want %+v", got, want)
	}

	// Saving a sync as an enabled one-time sync runs it at once.
	f.Clock.Advance(time.Minute)
	put(sandboxtest.SyncBody("user_property", "plan", stream, "one_time"))
	if got, want := f.syncState(id), (syncState{"completed", at(32*time.Hour + 11*time.Minute)}); got != want {
		t.Fatalf("one time: %+v, want %+v", got, want)
	}
}

// Once a user property or computation sync has run, Braze has the custom
// attribute it writes, typed after the source.
func TestSyncRunWritesBrazeAttribute(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	f.CreateSync(sandboxtest.SyncBody("user_property", "ltv", stream, "hourly"))
	f.CreateSync(sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "one_time"))
	f.CreateSync(sandboxtest.SyncBody("cohort", "coh_power_users", cohorts, "realtime"))
	f.CreateSync(sandboxtest.SyncBody("recommendation", "rec_top_products", stream, "one_time"))
	f.CreateSync(sandboxtest.Set(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"), "enabled", false))

	if got, want := f.CustomAttributeNames(), []string{"cmp_ltv_90d", "country", "plan"}; !slices.Equal(got, want) {
		t.Fatalf("attributes before any scheduled run %v, want %v (the one-time computation sync ran)", got, want)
	}
	f.Clock.Advance(time.Hour)
	if got, want := f.CustomAttributeNames(), []string{"cmp_ltv_90d", "country", "ltv", "plan"}; !slices.Equal(got, want) {
		t.Fatalf("attributes after an hour %v, want %v", got, want)
	}
	var body struct {
		Attributes []struct {
			Name     string `json:"name"`
			DataType string `json:"data_type"`
		} `json:"attributes"`
	}
	f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil).Decode(t, &body)
	for _, a := range body.Attributes {
		if (a.Name == "ltv" || a.Name == "cmp_ltv_90d") && a.DataType != "Number" {
			t.Errorf("%s has data_type %q, want Number like its source", a.Name, a.DataType)
		}
	}
	if got := f.Sandbox.Stats().Objects["custom_attributes"]; got != 4 {
		t.Errorf("stats count %d custom attributes, want 4", got)
	}
}

// A sync that ran and was deleted before anyone looked still wrote its
// attribute.
func TestSyncRunOutlivesTheSync(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	id := f.CreateSync(sandboxtest.SyncBody("user_property", "ltv", stream, "hourly"))["id"].(string)
	f.Clock.Advance(2 * time.Hour)
	f.Amplitude("DELETE", "/api/2/syncs/"+id, nil).WantStatus(t, http.StatusOK)
	if got := f.CustomAttributeNames(); !slices.Contains(got, "ltv") {
		t.Fatalf("attributes %v lack ltv", got)
	}
}
