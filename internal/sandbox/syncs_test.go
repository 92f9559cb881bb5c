package sandbox_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestSyncCreateAndGet(t *testing.T) {
	f := start(t)
	stream, cohorts := f.destinations()
	created := epoch.Format(time.RFC3339)
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
			body:          syncBody("user_property", "plan", stream, "hourly"),
			wantName:      "user_property plan → stream",
			wantAttribute: "plan",
			wantStatus:    "scheduled",
			wantLastRun:   nil,
		},
		{
			name:          "Amplitude's own user property",
			body:          syncBody("user_property", "country", stream, "daily"),
			wantName:      "user_property country → stream",
			wantAttribute: "country",
			wantStatus:    "scheduled",
			wantLastRun:   nil,
		},
		{
			name:          "computation, one time",
			body:          syncBody("computation", "cmp_ltv_90d", stream, "one_time"),
			wantName:      "computation cmp_ltv_90d → stream",
			wantAttribute: "cmp_ltv_90d",
			wantStatus:    "completed",
			wantLastRun:   created,
		},
		{
			name:          "cohort, real time, named by the client",
			body:          set(syncBody("cohort", "coh_power_users", cohorts, "realtime"), "name", "power users to Braze"),
			wantName:      "power users to Braze",
			wantAttribute: nil,
			wantStatus:    "scheduled",
			wantLastRun:   nil,
		},
		{
			name:          "recommendation, disabled",
			body:          set(syncBody("recommendation", "rec_top_products", stream, "daily"), "enabled", false),
			wantName:      "recommendation Top products → stream",
			wantAttribute: nil,
			wantStatus:    "paused",
			wantLastRun:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := f.createSync(tt.body)
			id, _ := got["id"].(string)
			if id == "" {
				t.Fatalf("no id in %v", got)
			}
			read := f.getSync(id)
			for _, s := range []map[string]any{got, read} {
				wantString(t, s, "name", tt.wantName)
				wantString(t, s, "braze_attribute", tt.wantAttribute)
				wantString(t, s, "status", tt.wantStatus)
				wantString(t, s, "last_run_at", tt.wantLastRun)
				wantString(t, s, "created_at", created)
				for _, field := range []string{"kind", "source_id", "destination_id", "cadence"} {
					wantString(t, s, field, tt.body[field])
				}
				wantString(t, s, "enabled", tt.body["enabled"] != false)
			}
			if len(read) != 11 {
				t.Errorf("sync has %d fields, want the 11 of the wire shape: %v", len(read), read)
			}
		})
	}
}

func TestSyncValidation(t *testing.T) {
	f := start(t)
	stream, cohorts := f.destinations()
	eventsOnly := f.createDestination(set(set(brazeStream("events only"), "kind", []any{"event"}), "property_mappings", absent))["id"].(string)
	hook := f.createDestination(webhook("hook"))["id"].(string)
	f.write("DELETE", userPropertiesPath+"/ltv", nil).wantStatus(t, http.StatusNoContent)
	tests := []struct {
		name   string
		body   any
		status int
		want   string
	}{
		{"empty body", map[string]any{}, http.StatusBadRequest, "kind is required"},
		{"unknown field", set(syncBody("cohort", "coh_churn_risk", cohorts, "daily"), "schedule", "daily"), http.StatusBadRequest, `unknown field "schedule"`},
		{"bad kind", syncBody("segment", "x", stream, "daily"), http.StatusBadRequest, `kind "segment" is not valid`},
		{"bad cadence", syncBody("cohort", "coh_churn_risk", cohorts, "weekly"), http.StatusBadRequest, `cadence "weekly" is not valid: use one of one_time, hourly, daily, realtime`},
		{"missing source", syncBody("cohort", "", cohorts, "daily"), http.StatusBadRequest, "source_id is required"},
		{"missing destination", syncBody("cohort", "coh_churn_risk", "", "daily"), http.StatusBadRequest, "destination_id is required"},
		{"real time for a user property", syncBody("user_property", "plan", stream, "realtime"), http.StatusBadRequest, "cadence realtime syncs cohort membership only"},
		{"real time for a computation", syncBody("computation", "cmp_ltv_90d", stream, "realtime"), http.StatusBadRequest, "cadence realtime syncs cohort membership only"},
		{"unknown user property", syncBody("user_property", "tier", stream, "daily"), http.StatusBadRequest, `source_id "tier" is not a user property of this project`},
		{"deleted user property", syncBody("user_property", "ltv", stream, "daily"), http.StatusBadRequest, `source_id "ltv" is not a user property`},
		{"user property with the old gp: prefix", syncBody("user_property", "gp:plan", stream, "daily"), http.StatusBadRequest,
			`source_id "gp:plan" is not a user property of this project: create it with POST /developer-api/v1/projects/424242/user-properties first`},
		{"unknown computation", syncBody("computation", "cmp_x", stream, "daily"), http.StatusBadRequest, `source_id "cmp_x" is not a computation of this project; the project has cmp_ltv_90d, cmp_sessions_7d`},
		{"unknown cohort", syncBody("cohort", "coh_x", cohorts, "daily"), http.StatusBadRequest, "the project has coh_power_users, coh_churn_risk"},
		{"unknown recommendation", syncBody("recommendation", "rec_x", stream, "daily"), http.StatusBadRequest, "the project has rec_top_products"},
		{"unknown destination", syncBody("cohort", "coh_churn_risk", "nowhere", "daily"), http.StatusBadRequest, `destination_id "nowhere" is not a destination`},
		{"cohort to a stream destination", syncBody("cohort", "coh_churn_risk", stream, "daily"), http.StatusBadRequest,
			`a cohort sync needs a braze destination of kind ["cohort"]; destination "` + stream + `" (stream) is a braze destination of kind ["event", "identify"]`},
		{"user property to a cohort destination", syncBody("user_property", "plan", cohorts, "daily"), http.StatusBadRequest,
			`a user_property sync needs a braze destination whose kind contains identify; destination "` + cohorts + `" (cohorts) is a braze destination of kind ["cohort"]`},
		{"computation to an events-only destination", syncBody("computation", "cmp_ltv_90d", eventsOnly, "daily"), http.StatusBadRequest,
			`a computation sync needs a braze destination whose kind contains identify; destination "` + eventsOnly + `" (events only) is a braze destination of kind ["event"]`},
		{"recommendation to a webhook", syncBody("recommendation", "rec_top_products", hook, "daily"), http.StatusBadRequest,
			`is a webhook destination of kind ["event"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.amplitude("POST", "/api/2/syncs", tt.body).wantAmplitudeError(t, tt.status, tt.want)
		})
	}
	if n := f.server.Stats().Objects.Syncs; n != 0 {
		t.Fatalf("%d syncs made by refused requests", n)
	}
}

func TestSyncIsUniquePerSourceAndDestination(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	other := f.createDestination(brazeStream("other"))["id"].(string)
	first := f.createSync(syncBody("user_property", "plan", stream, "hourly"))

	r := f.amplitude("POST", "/api/2/syncs", set(syncBody("user_property", "plan", stream, "daily"), "name", "another name"))
	r.wantAmplitudeError(t, http.StatusConflict, fmt.Sprintf("a user_property sync of \"plan\" to destination %s already exists (id %s)", stream, first["id"]))

	// The same source may go to another destination, and another kind may
	// share the source id; names need not be unique.
	f.createSync(set(syncBody("user_property", "plan", other, "daily"), "name", first["name"]))
	f.createSync(syncBody("computation", "cmp_ltv_90d", stream, "daily"))
}

func TestSyncReplace(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	created := f.createSync(syncBody("user_property", "plan", stream, "hourly"))
	id := created["id"].(string)
	path := "/api/2/syncs/" + id
	f.clock.advance(90 * time.Minute)

	// A read, edited and sent back: the read-only fields come along and are
	// ignored.
	edit := f.getSync(id)
	edit["name"] = "plan to Braze"
	edit["cadence"] = "daily"
	edit["status"] = "completed"
	edit["braze_attribute"] = "other"
	edit["created_at"] = "2000-01-01T00:00:00Z"
	edit["id"] = "attempt-to-change-id"
	r := f.amplitude("PUT", path, edit)
	r.wantStatus(t, http.StatusOK)
	replaced := r.object(t)
	wantString(t, replaced, "id", id)
	wantString(t, replaced, "name", "plan to Braze")
	wantString(t, replaced, "cadence", "daily")
	wantString(t, replaced, "braze_attribute", "plan")
	wantString(t, replaced, "created_at", created["created_at"])
	// It ran once, an hour in, under the hourly schedule; the daily one has
	// not run yet.
	wantString(t, replaced, "status", "active")
	wantString(t, replaced, "last_run_at", epoch.Add(time.Hour).Format(time.RFC3339))

	t.Run("without a name, the server names it again", func(t *testing.T) {
		body := syncBody("user_property", "plan", stream, "daily")
		r := f.amplitude("PUT", path, body)
		r.wantStatus(t, http.StatusOK)
		wantString(t, r.object(t), "name", "user_property plan → stream")
	})
	t.Run("without enabled, it is enabled", func(t *testing.T) {
		f.amplitude("PUT", path, set(syncBody("user_property", "plan", stream, "daily"), "enabled", false)).wantStatus(t, http.StatusOK)
		r := f.amplitude("PUT", path, syncBody("user_property", "plan", stream, "daily"))
		wantString(t, r.object(t), "enabled", true)
	})
	t.Run("identity fields cannot change", func(t *testing.T) {
		other := f.createDestination(brazeStream("other"))["id"].(string)
		for _, tt := range []struct {
			body map[string]any
			want string
		}{
			{syncBody("computation", "plan", stream, "daily"), `kind cannot change from "user_property" to "computation"`},
			{syncBody("user_property", "ltv", stream, "daily"), `source_id cannot change from "plan" to "ltv"`},
			{syncBody("user_property", "plan", other, "daily"), `destination_id cannot change from "` + stream + `"`},
			{syncBody("user_property", "plan", stream, "realtime"), "cadence realtime syncs cohort membership only"},
			{syncBody("", "plan", stream, "daily"), "kind is required"},
		} {
			f.amplitude("PUT", path, tt.body).wantAmplitudeError(t, http.StatusBadRequest, tt.want)
		}
	})
	t.Run("unknown id", func(t *testing.T) {
		f.amplitude("PUT", "/api/2/syncs/nope", syncBody("user_property", "plan", stream, "daily")).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	})
}

func TestSyncDelete(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	id := f.createSync(syncBody("user_property", "plan", stream, "hourly"))["id"].(string)
	r := f.amplitude("DELETE", "/api/2/syncs/"+id, nil)
	r.wantStatus(t, http.StatusOK)
	if !r.amplitude(t).Success {
		t.Errorf("delete body %s", r.body)
	}
	f.amplitude("GET", "/api/2/syncs/"+id, nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	f.amplitude("DELETE", "/api/2/syncs/"+id, nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	// The triple is free again.
	f.createSync(syncBody("user_property", "plan", stream, "hourly"))
}

// Removing a destination in the dashboard removes the syncs that send to
// it; the others stay.
func TestRemovedDestinationTakesItsSyncs(t *testing.T) {
	f := start(t)
	stream, cohorts := f.destinations()
	a := f.createSync(syncBody("user_property", "plan", stream, "hourly"))["id"].(string)
	b := f.createSync(syncBody("computation", "cmp_ltv_90d", stream, "daily"))["id"].(string)
	kept := f.createSync(syncBody("cohort", "coh_power_users", cohorts, "daily"))["id"].(string)

	r := f.control("DELETE", "/destinations/"+stream, nil)
	r.wantStatus(t, http.StatusOK)
	if string(r.body) != `{"status":"ok","removed_syncs":2}`+"\n" {
		t.Errorf("body %s", r.body)
	}
	for _, id := range []string{a, b} {
		f.amplitude("GET", "/api/2/syncs/"+id, nil).wantAmplitudeError(t, http.StatusNotFound, "Not found")
	}
	f.getSync(kept)
	f.developer("GET", destinationsPath+"/"+stream, nil).wantProblem(t, http.StatusNotFound, "not_found", "no destination "+stream)

	r = f.control("DELETE", "/destinations/"+stream, nil)
	r.wantStatus(t, http.StatusNotFound)
	var body struct{ Error string }
	r.decode(t, &body)
	if !contains(body.Error, "no destination "+stream) {
		t.Errorf("error %q", body.Error)
	}
}

// A sync's generated name follows its destination's display_name, and a
// sync still names its destination after the destination's kind changed.
func TestSyncNameFollowsDestination(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	id := f.createSync(syncBody("computation", "cmp_ltv_90d", stream, "daily"))["id"].(string)
	f.developer("PATCH", destinationsPath+"/"+stream, map[string]any{"display_name": "Braze US", "kind": []any{"event"}, "send_users": false}).wantStatus(t, http.StatusOK)
	r := f.amplitude("PUT", "/api/2/syncs/"+id, syncBody("computation", "cmp_ltv_90d", stream, "hourly"))
	r.wantStatus(t, http.StatusOK)
	wantString(t, r.object(t), "name", "computation cmp_ltv_90d → Braze US")
}

func TestSyncListPagination(t *testing.T) {
	f := start(t)
	stream, cohorts := f.destinations()
	var ids []string
	for _, body := range []map[string]any{
		syncBody("user_property", "plan", stream, "hourly"),
		syncBody("user_property", "country", stream, "hourly"),
		syncBody("computation", "cmp_ltv_90d", stream, "daily"),
		syncBody("cohort", "coh_power_users", cohorts, "realtime"),
		syncBody("recommendation", "rec_top_products", stream, "one_time"),
	} {
		ids = append(ids, f.createSync(body)["id"].(string))
	}
	page := func(query string) ([]string, *string) {
		t.Helper()
		r := f.amplitude("GET", "/api/2/syncs"+query, nil)
		r.wantStatus(t, http.StatusOK)
		var body struct {
			Data []struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			} `json:"data"`
			NextCursor *string `json:"next_cursor"`
		}
		r.decode(t, &body)
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
	f.amplitude("DELETE", "/api/2/syncs/"+ids[0], nil).wantStatus(t, http.StatusOK)
	second, cursor := page("?limit=2&cursor=" + *cursor)
	if fmt.Sprint(second) != fmt.Sprint(ids[2:4]) || cursor == nil {
		t.Fatalf("second page %v, want %v", second, ids[2:4])
	}
	last, cursor := page("?limit=2&cursor=" + *cursor)
	if fmt.Sprint(last) != fmt.Sprint(ids[4:]) || cursor != nil {
		t.Fatalf("last page %v (cursor %v), want %v and no cursor", last, cursor, ids[4:])
	}
	f.amplitude("GET", "/api/2/syncs?cursor=bogus", nil).wantAmplitudeError(t, http.StatusBadRequest, `cursor "bogus" is not valid`)
}

func TestNewEndpointsNeedAmplitudeCredentials(t *testing.T) {
	f := start(t)
	for _, path := range []string{
		"/amplitude/api/2/syncs",
		"/amplitude/api/3/cohorts",
		"/amplitude/api/2/event-streaming/delivery-metrics-summary?sync_id=x&time_period=ONE_DAY",
	} {
		f.send("GET", path, nil, nil).wantAmplitudeError(t, http.StatusUnauthorized, "Missing credentials")
		f.send("GET", path, nil, bearer("sandbox-api-key")).wantAmplitudeError(t, http.StatusUnauthorized, "Missing credentials")
	}
}
