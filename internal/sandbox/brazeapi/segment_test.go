package brazeapi_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func segmentNames(body sandboxtest.SegmentsBody) []string {
	var names []string
	for _, sg := range body.Segments {
		names = append(names, sg["name"].(string))
	}
	return names
}

func TestSegmentsSeed(t *testing.T) {
	f := start(t)
	r := f.Braze(brazeapi.AdminKey, "GET", "/segments/list", nil)
	r.WantStatus(t, http.StatusOK)
	want := `{"message":"success","segments":[` +
		`{"id":"8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01","name":"All users","analytics_tracking_enabled":false,"tags":[]},` +
		`{"id":"8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03","name":"Lapsed purchasers","analytics_tracking_enabled":true,"tags":["retention"]}]}`
	sandboxtest.WantJSON(t, r.Body, want)
	// The default limit applies.
	if r.Header.Get("X-RateLimit-Limit") != "250000" {
		t.Errorf("X-RateLimit-Limit %q", r.Header.Get("X-RateLimit-Limit"))
	}
	if got := segmentNames(f.Segments("?sort_direction=desc")); !slices.Equal(got, []string{"Lapsed purchasers", "All users"}) {
		t.Errorf("newest first %v", got)
	}
}

func TestSegmentsNeedPermission(t *testing.T) {
	f := start(t)
	_, trackOnly := f.CreateKey([]string{"users.track"}, nil)
	f.Braze(trackOnly, "GET", "/segments/list", nil).WantBrazeError(t, http.StatusForbidden, "lacks the segments.list permission")
	f.Braze("not-a-key", "GET", "/segments/list", nil).WantBrazeError(t, http.StatusUnauthorized, "Invalid API key")
	_, lister := f.CreateKey([]string{"segments.list"}, nil)
	f.Braze(lister, "GET", "/segments/list", nil).WantStatus(t, http.StatusOK)
}

// 100 segments a page, numbered from 0, in creation order or its reverse.
func TestSegmentsPaging(t *testing.T) {
	f := start(t)
	if got := f.AddSegments(map[string]any{"count": 248, "names": []string{"All users", "VIPs"}}); got["added"] != 249 || got["segments"] != 251 {
		t.Fatalf("added %v: the name a listed segment holds is skipped", got)
	}
	var all []string
	for page, size := range []int{100, 100, 51, 0} {
		body := f.Segments(fmt.Sprintf("?page=%d", page))
		if len(body.Segments) != size {
			t.Fatalf("page %d: %d segments, want %d", page, len(body.Segments), size)
		}
		all = append(all, segmentNames(body)...)
	}
	if len(all) != 251 || all[0] != "All users" || all[1] != "Lapsed purchasers" || all[2] != "VIPs" || all[3] != "sandbox_segment_00001" || all[250] != "sandbox_segment_00248" {
		t.Errorf("order %v ... %v", all[:4], all[len(all)-2:])
	}
	if slices.Contains(all, "Old test") {
		t.Error("an archived segment is listed")
	}
	desc := slices.Concat(segmentNames(f.Segments("?sort_direction=desc")), segmentNames(f.Segments("?page=1&sort_direction=desc")), segmentNames(f.Segments("?page=2&sort_direction=desc")))
	reversed := slices.Clone(all)
	slices.Reverse(reversed)
	if !slices.Equal(desc, reversed) {
		t.Errorf("desc is not the reverse")
	}
	for _, q := range []string{"?page=-1", "?page=one", "?page=", "?sort_direction=up", "?sort_direction=DESC"} {
		f.Braze(brazeapi.AdminKey, "GET", "/segments/list"+q, nil).WantBrazeError(t, http.StatusBadRequest, "must be")
	}
	if got := f.Sandbox.Stats().Requests.ByRoute["POST /_sandbox/segments"]; got != 0 {
		t.Error("the control endpoint counted")
	}
}

// A cohort sync that runs makes a segment named after its cohort, once.
func TestCohortSyncMakesSegment(t *testing.T) {
	f := start(t)
	_, cohorts := f.Destinations()
	other := f.CreateDestination(sandboxtest.BrazeCohorts("other"))["id"].(string)
	f.CreateSync(sandboxtest.SyncBody("cohort", "coh_power_users", cohorts, "hourly"))
	f.CreateSync(sandboxtest.SyncBody("cohort", "coh_power_users", other, "realtime"))
	if got := segmentNames(f.Segments("")); slices.Contains(got, "Power users") {
		t.Fatalf("a segment before any run: %v", got)
	}
	f.Clock.Advance(time.Minute)
	body := f.Segments("")
	if got := segmentNames(body); !slices.Equal(got, []string{"All users", "Lapsed purchasers", "Power users"}) {
		t.Fatalf("segments %v", got)
	}
	made := body.Segments[2]
	if sandboxtest.MustJSON(t, made["tags"]) != `["amplitude"]` || made["analytics_tracking_enabled"] != false || len(made["id"].(string)) != 36 {
		t.Errorf("segment %v", made)
	}
	f.Clock.Advance(3 * time.Hour)
	f.AddSegments(map[string]any{"names": []string{"Manual"}})
	if got := segmentNames(f.Segments("")); !slices.Equal(got, []string{"All users", "Lapsed purchasers", "Power users", "Manual"}) {
		t.Errorf("more runs made more segments: %v", got)
	}
	if again := f.Segments("").Segments[2]; again["id"] != made["id"] {
		t.Errorf("the segment's id changed: %v, then %v", made["id"], again["id"])
	}
}

func TestAddSegmentsControl(t *testing.T) {
	f := start(t)
	// An archived segment's name is free.
	if got := f.AddSegments(map[string]any{"names": []string{"Old test", "Old test"}}); got["added"] != 1 || got["segments"] != 3 {
		t.Errorf("added %v", got)
	}
	for _, body := range []any{map[string]any{}, map[string]any{"count": 10_001}, map[string]any{"names": []string{""}}, map[string]any{"tags": []string{"x"}}} {
		f.Control("POST", "/segments", body).WantStatus(t, http.StatusBadRequest)
	}
	f.Sandbox.SetFaults(core.Faults{ErrorRate: 1})
	f.AddSegments(map[string]any{"count": 1})
}
