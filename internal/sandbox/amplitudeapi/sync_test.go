package amplitudeapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestSyncCreateAndGet(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	created := sandboxtest.Epoch.Format(time.RFC3339)
	tests := []struct {
		name          string
		body          map[string]any
		wantName      string
		wantAttribute any
		wantStatus    string
		wantLastRun   any
	}{
		{
			name:          "user property, named by the server",
			body:          sandboxtest.SyncBody("user_property", "plan", stream, "hourly"),
			wantName:      "user_property plan → stream",
			wantAttribute: "plan",
			wantStatus:    "scheduled",
			wantLastRun:   nil,
		},
		{
			name:          "Amplitude's own user property",
			body:          sandboxtest.SyncBody("user_property", "country", stream, "daily"),
			wantName:      "user_property country → stream",
			wantAttribute: "country",
			wantStatus:    "scheduled",
			wantLastRun:   nil,
		},
		{
			name:          "computation, one time",
			body:          sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "one_time"),
			wantName:      "computation cmp_ltv_90d → stream",
			wantAttribute: "cmp_ltv_90d",
			wantStatus:    "completed",
			wantLastRun:   created,
		},
		{
			name:          "cohort, real time, named by the client",
			body:          sandboxtest.Set(sandboxtest.SyncBody("cohort", "coh_power_users", cohorts, "realtime"), "name", "power users to Braze"),
			wantName:      "power users to Braze",
			wantAttribute: nil,
			wantStatus:    "scheduled",
			wantLastRun:   nil,
		},
		{
			name:          "recommendation, disabled",
			body:          sandboxtest.Set(sandboxtest.SyncBody("recommendation", "rec_top_products", stream, "daily"), "enabled", false),
			wantName:      "recommendation Top products → stream",
			wantAttribute: nil,
			wantStatus:    "paused",
			wantLastRun:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := f.CreateSync(tt.body)
			id, _ := got["id"].(string)
			if id == "" {
				t.Fatalf("no id in %v", got)
			}
			read := f.GetSync(id)
			for _, s := range []map[string]any{got, read} {
				sandboxtest.WantString(t, s, "name", tt.wantName)
				sandboxtest.WantString(t, s, "braze_attribute", tt.wantAttribute)
				sandboxtest.WantString(t, s, "status", tt.wantStatus)
				sandboxtest.WantString(t, s, "last_run_at", tt.wantLastRun)
				sandboxtest.WantString(t, s, "created_at", created)
				for _, field := range []string{"kind", "source_id", "destination_id", "cadence"} {
					sandboxtest.WantString(t, s, field, tt.body[field])
				}
				sandboxtest.WantString(t, s, "enabled", tt.body["enabled"] != false)
			}
			if len(read) != 11 {
				t.Errorf("sync has %d fields, want the 11 of the wire shape: %v", len(read), read)
			}
		})
	}
}

func TestSyncValidation(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	eventsOnly := f.CreateDestination(sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("events only"), "kind", []any{"event"}), "property_mappings", sandboxtest.Absent))["id"].(string)
	hook := f.CreateDestination(sandboxtest.Webhook("hook"))["id"].(string)
	f.Write("DELETE", sandboxtest.UserPropertiesPath+"/ltv", nil).WantStatus(t, http.StatusNoContent)
	tests := []struct {
		name   string
		body   any
		status int
		want   string
	}{
		{"empty body", map[string]any{}, http.StatusBadRequest, "kind is required"},
		{"unknown field", sandboxtest.Set(sandboxtest.SyncBody("cohort", "coh_churn_risk", cohorts, "daily"), "schedule", "daily"), http.StatusBadRequest, "schedule is not a field of the request body"},
		{"bad kind", sandboxtest.SyncBody("segment", "x", stream, "daily"), http.StatusBadRequest, `kind "segment" is not valid`},
		{"bad cadence", sandboxtest.SyncBody("cohort", "coh_churn_risk", cohorts, "weekly"), http.StatusBadRequest, `cadence "weekly" is not valid: it must be one of "one_time", "hourly", "daily", "realtime"`},
		{"missing source", sandboxtest.SyncBody("cohort", "", cohorts, "daily"), http.StatusBadRequest, "source_id is too short: it must be a string, not empty"},
		{"missing destination", sandboxtest.SyncBody("cohort", "coh_churn_risk", "", "daily"), http.StatusBadRequest, "destination_id is too short: it must be a string, not empty"},
		{"real time for a user property", sandboxtest.SyncBody("user_property", "plan", stream, "realtime"), http.StatusBadRequest, "cadence realtime syncs cohort membership only"},
		{"real time for a computation", sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "realtime"), http.StatusBadRequest, "cadence realtime syncs cohort membership only"},
		{"unknown user property", sandboxtest.SyncBody("user_property", "tier", stream, "daily"), http.StatusBadRequest, `source_id "tier" is not a user property of this project`},
		{"deleted user property", sandboxtest.SyncBody("user_property", "ltv", stream, "daily"), http.StatusBadRequest, `source_id "ltv" is not a user property`},
		{"user property with the old gp: prefix", sandboxtest.SyncBody("user_property", "gp:plan", stream, "daily"), http.StatusBadRequest,
			`source_id "gp:plan" is not a user property of this project: create it with POST /developer-api/v1/projects/424242/user-properties first`},
		{"unknown computation", sandboxtest.SyncBody("computation", "cmp_x", stream, "daily"), http.StatusBadRequest, `source_id "cmp_x" is not a computation of this project; the project has cmp_ltv_90d, cmp_sessions_7d`},
		{"unknown cohort", sandboxtest.SyncBody("cohort", "coh_x", cohorts, "daily"), http.StatusBadRequest, "the project has coh_power_users, coh_churn_risk"},
		{"unknown recommendation", sandboxtest.SyncBody("recommendation", "rec_x", stream, "daily"), http.StatusBadRequest, "the project has rec_top_products"},
		{"unknown destination", sandboxtest.SyncBody("cohort", "coh_churn_risk", "nowhere", "daily"), http.StatusBadRequest, `destination_id "nowhere" is not a destination`},
		{"cohort to a stream destination", sandboxtest.SyncBody("cohort", "coh_churn_risk", stream, "daily"), http.StatusBadRequest,
			`a cohort sync needs a braze destination of kind ["cohort"]; destination "` + stream + `" (stream) is a braze destination of kind ["event", "identify"]`},
		{"user property to a cohort destination", sandboxtest.SyncBody("user_property", "plan", cohorts, "daily"), http.StatusBadRequest,
			`a user_property sync needs a braze destination whose kind contains identify; destination "` + cohorts + `" (cohorts) is a braze destination of kind ["cohort"]`},
		{"computation to an events-only destination", sandboxtest.SyncBody("computation", "cmp_ltv_90d", eventsOnly, "daily"), http.StatusBadRequest,
			`a computation sync needs a braze destination whose kind contains identify; destination "` + eventsOnly + `" (events only) is a braze destination of kind ["event"]`},
		{"recommendation to a webhook", sandboxtest.SyncBody("recommendation", "rec_top_products", hook, "daily"), http.StatusBadRequest,
			`is a webhook destination of kind ["event"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.Amplitude("POST", "/api/2/syncs", tt.body).WantAmplitudeError(t, tt.status, tt.want)
		})
	}
	if n := f.Sandbox.Stats().Objects["syncs"]; n != 0 {
		t.Fatalf("%d syncs made by refused requests", n)
	}
}

func TestSyncIsUniquePerSourceAndDestination(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	other := f.CreateDestination(sandboxtest.BrazeStream("other"))["id"].(string)
	first := f.CreateSync(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"))

	r := f.Amplitude("POST", "/api/2/syncs", sandboxtest.Set(sandboxtest.SyncBody("user_property", "plan", stream, "daily"), "name", "another name"))
	r.WantAmplitudeError(t, http.StatusConflict, fmt.Sprintf("a user_property sync of \"plan\" to destination %s already exists (id %s)", stream, first["id"]))

	// The same source may go to another destination, and another kind may
	// share the source id; names need not be unique.
	f.CreateSync(sandboxtest.Set(sandboxtest.SyncBody("user_property", "plan", other, "daily"), "name", first["name"]))
	f.CreateSync(sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "daily"))
}

func TestSyncReplace(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	created := f.CreateSync(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"))
	id := created["id"].(string)
	path := "/api/2/syncs/" + id
	f.Clock.Advance(90 * time.Minute)

	// A read, edited and sent back: the read-only fields come along and are
	// ignored.
	edit := f.GetSync(id)
	edit["name"] = "plan to Braze"
	edit["cadence"] = "daily"
	edit["status"] = "completed"
	edit["braze_attribute"] = "other"
	edit["created_at"] = "2000-01-01T00:00:00Z"
	edit["id"] = "attempt-to-change-id"
	r := f.Amplitude("PUT", path, edit)
	r.WantStatus(t, http.StatusOK)
	replaced := r.Object(t)
	sandboxtest.WantString(t, replaced, "id", id)
	sandboxtest.WantString(t, replaced, "name", "plan to Braze")
	sandboxtest.WantString(t, replaced, "cadence", "daily")
	sandboxtest.WantString(t, replaced, "braze_attribute", "plan")
	sandboxtest.WantString(t, replaced, "created_at", created["created_at"])
	// It ran once, an hour in, under the hourly schedule; the daily one has
	// not run yet.
	sandboxtest.WantString(t, replaced, "status", "active")
	sandboxtest.WantString(t, replaced, "last_run_at", sandboxtest.Epoch.Add(time.Hour).Format(time.RFC3339))

	t.Run("without a name, the server names it again", func(t *testing.T) {
		body := sandboxtest.SyncBody("user_property", "plan", stream, "daily")
		r := f.Amplitude("PUT", path, body)
		r.WantStatus(t, http.StatusOK)
		sandboxtest.WantString(t, r.Object(t), "name", "user_property plan → stream")
	})
	t.Run("without enabled, it is enabled", func(t *testing.T) {
		f.Amplitude("PUT", path, sandboxtest.Set(sandboxtest.SyncBody("user_property", "plan", stream, "daily"), "enabled", false)).WantStatus(t, http.StatusOK)
		r := f.Amplitude("PUT", path, sandboxtest.SyncBody("user_property", "plan", stream, "daily"))
		sandboxtest.WantString(t, r.Object(t), "enabled", true)
	})
	t.Run("identity fields cannot change", func(t *testing.T) {
		other := f.CreateDestination(sandboxtest.BrazeStream("other"))["id"].(string)
		for _, tt := range []struct {
			body map[string]any
			want string
		}{
			{sandboxtest.SyncBody("computation", "plan", stream, "daily"), `kind cannot change from "user_property" to "computation"`},
			{sandboxtest.SyncBody("user_property", "ltv", stream, "daily"), `source_id cannot change from "plan" to "ltv"`},
			{sandboxtest.SyncBody("user_property", "plan", other, "daily"), `destination_id cannot change from "` + stream + `"`},
			{sandboxtest.SyncBody("user_property", "plan", stream, "realtime"), "cadence realtime syncs cohort membership only"},
			{sandboxtest.SyncBody("", "plan", stream, "daily"), `kind "" is not valid: it must be one of "user_property"`},
		} {
			f.Amplitude("PUT", path, tt.body).WantAmplitudeError(t, http.StatusBadRequest, tt.want)
		}
	})
	t.Run("unknown id", func(t *testing.T) {
		f.Amplitude("PUT", "/api/2/syncs/nope", sandboxtest.SyncBody("user_property", "plan", stream, "daily")).WantAmplitudeError(t, http.StatusNotFound, "Not found")
	})
}

func TestSyncDelete(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	id := f.CreateSync(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"))["id"].(string)
	r := f.Amplitude("DELETE", "/api/2/syncs/"+id, nil)
	r.WantStatus(t, http.StatusOK)
	if !r.Amplitude(t).Success {
		t.Errorf("delete body %s", r.Body)
	}
	f.Amplitude("GET", "/api/2/syncs/"+id, nil).WantAmplitudeError(t, http.StatusNotFound, "Not found")
	f.Amplitude("DELETE", "/api/2/syncs/"+id, nil).WantAmplitudeError(t, http.StatusNotFound, "Not found")
	// The triple is free again.
	f.CreateSync(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"))
}

// Removing a destination in the dashboard removes the syncs that send to
// it; the others stay.
func TestRemovedDestinationTakesItsSyncs(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	a := f.CreateSync(sandboxtest.SyncBody("user_property", "plan", stream, "hourly"))["id"].(string)
	b := f.CreateSync(sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "daily"))["id"].(string)
	kept := f.CreateSync(sandboxtest.SyncBody("cohort", "coh_power_users", cohorts, "daily"))["id"].(string)

	r := f.Control("DELETE", "/destinations/"+stream, nil)
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantJSON(t, r.Body, `{"status":"ok","removed_syncs":2}`)
	for _, id := range []string{a, b} {
		f.Amplitude("GET", "/api/2/syncs/"+id, nil).WantAmplitudeError(t, http.StatusNotFound, "Not found")
	}
	f.GetSync(kept)
	f.Developer("GET", sandboxtest.DestinationsPath+"/"+stream, nil).WantProblem(t, http.StatusNotFound, "not_found", "no destination "+stream)

	r = f.Control("DELETE", "/destinations/"+stream, nil)
	r.WantStatus(t, http.StatusNotFound)
	var body struct{ Error string }
	r.Decode(t, &body)
	if !strings.Contains(body.Error, "no destination "+stream) {
		t.Errorf("error %q", body.Error)
	}
}

// A sync's generated name follows its destination's display_name, and a
// sync still names its destination after the destination's kind changed.
func TestSyncNameFollowsDestination(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	id := f.CreateSync(sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "daily"))["id"].(string)
	f.Developer("PATCH", sandboxtest.DestinationsPath+"/"+stream, map[string]any{"display_name": "Braze US", "kind": []any{"event"}, "send_users": false}).WantStatus(t, http.StatusOK)
	r := f.Amplitude("PUT", "/api/2/syncs/"+id, sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "hourly"))
	r.WantStatus(t, http.StatusOK)
	sandboxtest.WantString(t, r.Object(t), "name", "computation cmp_ltv_90d → Braze US")
}

func TestSyncListPagination(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	var ids []string
	for _, body := range []map[string]any{
		sandboxtest.SyncBody("user_property", "plan", stream, "hourly"),
		sandboxtest.SyncBody("user_property", "country", stream, "hourly"),
		sandboxtest.SyncBody("computation", "cmp_ltv_90d", stream, "daily"),
		sandboxtest.SyncBody("cohort", "coh_power_users", cohorts, "realtime"),
		sandboxtest.SyncBody("recommendation", "rec_top_products", stream, "one_time"),
	} {
		ids = append(ids, f.CreateSync(body)["id"].(string))
	}
	page := func(query string) ([]string, *string) {
		t.Helper()
		r := f.Amplitude("GET", "/api/2/syncs"+query, nil)
		r.WantStatus(t, http.StatusOK)
		var body struct {
			Data []struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			} `json:"data"`
			NextCursor *string `json:"next_cursor"`
		}
		r.Decode(t, &body)
		var got []string
		for _, s := range body.Data {
			if s.Status == "" {
				t.Errorf("listed sync %s has no status", s.ID)
			}
			got = append(got, s.ID)
		}
		return got, body.NextCursor
	}
	first, cursor := page("?limit=2")
	if fmt.Sprint(first) != fmt.Sprint(ids[:2]) || cursor == nil {
		t.Fatalf("first page %v, want %v and a cursor", first, ids[:2])
	}
	f.Amplitude("DELETE", "/api/2/syncs/"+ids[0], nil).WantStatus(t, http.StatusOK)
	second, cursor := page("?limit=2&cursor=" + *cursor)
	if fmt.Sprint(second) != fmt.Sprint(ids[2:4]) || cursor == nil {
		t.Fatalf("second page %v, want %v", second, ids[2:4])
	}
	last, cursor := page("?limit=2&cursor=" + *cursor)
	if fmt.Sprint(last) != fmt.Sprint(ids[4:]) || cursor != nil {
		t.Fatalf("last page %v (cursor %v), want %v and no cursor", last, cursor, ids[4:])
	}
	f.Amplitude("GET", "/api/2/syncs?cursor=bogus", nil).WantAmplitudeError(t, http.StatusBadRequest, `cursor "bogus" is not valid`)
}

func TestNewEndpointsNeedAmplitudeCredentials(t *testing.T) {
	f := start(t)
	for _, path := range []string{
		"/amplitude/api/2/syncs",
		"/amplitude/api/3/cohorts",
		"/amplitude/api/2/event-streaming/delivery-metrics-summary?sync_id=x&time_period=ONE_DAY",
	} {
		f.Send("GET", path, nil, nil).WantAmplitudeError(t, http.StatusUnauthorized, "Missing credentials")
		f.Send("GET", path, nil, sandboxtest.Bearer("sandbox-api-key")).WantAmplitudeError(t, http.StatusUnauthorized, "Missing credentials")
	}
}
