package developerapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// Any path under /developer-api that is not served is a problem document,
// whoever asks.
func TestDeveloperUnknownPaths(t *testing.T) {
	f := start(t)
	for _, path := range []string{"/v1/nowhere", "/v2/context", "/v1/destination-types/", "/v1/projects/424242/flags", "/"} {
		r := f.Developer("GET", path, nil)
		p := r.WantProblem(t, http.StatusNotFound, "not_found", "")
		if p.Instance != developerapi.Path+path {
			t.Errorf("instance %q, want the request path", p.Instance)
		}
		f.Send("GET", developerapi.Path+path, nil, nil).WantProblem(t, http.StatusNotFound, "not_found", "")
	}
}

// There is no delete: a method a path does not serve is 405, naming the
// methods it does.
func TestDeveloperMethodNotAllowed(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.BrazeStream("kept"))["id"].(string)
	tests := []struct {
		method, path, allow string
	}{
		{"DELETE", sandboxtest.DestinationsPath + "/" + id, "GET, PATCH"},
		{"PUT", sandboxtest.DestinationsPath + "/" + id, "GET, PATCH"},
		{"POST", sandboxtest.DestinationsPath + "/" + id, "GET, PATCH"},
		{"DELETE", sandboxtest.DestinationsPath, "GET, POST"},
		{"GET", sandboxtest.DestinationsPath + "/" + id + "/test", "POST"},
		{"POST", "/v1/context", "GET"},
		{"DELETE", "/v1/projects", "GET"},
		{"PATCH", "/v1/destination-types/braze", "GET"},
	}
	for _, tt := range tests {
		r := f.Developer(tt.method, tt.path, nil)
		r.WantProblem(t, http.StatusMethodNotAllowed, "method_not_allowed", tt.method+" is not served")
		if got := r.Header.Get("Allow"); got != tt.allow {
			t.Errorf("%s %s: Allow %q, want %q", tt.method, tt.path, got, tt.allow)
		}
	}
	// Routing comes first: even without a token.
	f.Send("DELETE", developerapi.Path+sandboxtest.DestinationsPath+"/"+id, nil, nil).WantProblem(t, http.StatusMethodNotAllowed, "method_not_allowed", "")
	f.GetDestination(id)
}

func TestDeveloperBodyErrors(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.BrazeStream("kept"))["id"].(string)
	tests := []struct {
		name   string
		body   string
		status int
		code   string
		detail string
	}{
		{"empty", "", http.StatusBadRequest, "validation_error", "request body is empty"},
		{"not JSON", "{", http.StatusBadRequest, "validation_error", "request body is not valid JSON"},
		{"an array", "[]", http.StatusBadRequest, "validation_error", "the request body must be an object"},
		{"null", "null", http.StatusBadRequest, "validation_error", "the request body must be an object"},
		{"two objects", "{} {}", http.StatusBadRequest, "validation_error", "the request body is not valid JSON"},
		{"too large", `{"display_name": "` + strings.Repeat("x", 1<<20) + `"}`, http.StatusRequestEntityTooLarge, "payload_too_large", "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.Developer("POST", sandboxtest.DestinationsPath, tt.body).WantProblem(t, tt.status, tt.code, tt.detail)
			f.Developer("PATCH", sandboxtest.DestinationsPath+"/"+id, tt.body).WantProblem(t, tt.status, tt.code, tt.detail)
		})
	}
	if n := f.Sandbox.Stats().Objects["destinations"]; n != 1 {
		t.Errorf("%d destinations", n)
	}
}

// Injected failures are problem documents too, before any processing, with
// the code the vendor gives the status.
func TestDeveloperInjectedErrors(t *testing.T) {
	tests := []struct {
		status    int
		code      string
		retryable bool
	}{
		{500, "internal_error", true},
		{502, "upstream_error", true},
		{503, "operation_availability_unavailable", true},
		{504, "upstream_timeout", true},
		{501, "injected_error", true},
		{400, "injected_error", false},
		{404, "injected_error", false},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			f.Sandbox.SetFaults(core.Faults{ErrorRate: 1, ErrorStatus: tt.status})
			p := f.Send("GET", developerapi.Path+"/v1/context", nil, nil).WantProblem(t, tt.status, tt.code, "injected by the sandbox")
			if p.Retryable != tt.retryable || p.RetryAfterSeconds != nil {
				t.Errorf("retryable %v, retry_after_seconds %v", p.Retryable, p.RetryAfterSeconds)
			}
		})
	}
}

// The Developer API says how long to wait in the problem's body only: it
// documents no rate-limit header.
func TestDeveloperRateLimit(t *testing.T) {
	f := start(t) // The clock stands still at epoch, 0.5 s into a second.
	f.Sandbox.SetFaults(core.Faults{RateLimitPerSecond: 1})
	f.Developer("GET", "/v1/context", nil).WantStatus(t, http.StatusOK)
	r := f.Developer("POST", sandboxtest.DestinationsPath, sandboxtest.BrazeStream("limited"))
	p := r.WantProblem(t, http.StatusTooManyRequests, "rate_limit_exceeded", "too many requests")
	if !p.Retryable || p.RetryAfterSeconds == nil || *p.RetryAfterSeconds != 1 {
		t.Errorf("retryable %v, retry_after_seconds %v; want true and 1", p.Retryable, p.RetryAfterSeconds)
	}
	for name := range r.Header {
		if name == "Retry-After" || strings.HasPrefix(name, "X-Ratelimit") {
			t.Errorf("a Developer API 429 has the header %s", name)
		}
	}
	if n := f.Sandbox.Stats().Objects["destinations"]; n != 0 {
		t.Error("a refused create was applied")
	}
	// Amplitude's other APIs are limited apart, and a new window admits again.
	f.Amplitude("GET", "/api/2/syncs", nil).WantStatus(t, http.StatusOK)
	f.Clock.Advance(time.Second)
	f.Developer("GET", "/v1/context", nil).WantStatus(t, http.StatusOK)
}

func TestDeveloperProjects(t *testing.T) {
	f := start(t)
	page := f.Developer("GET", "/v1/projects", nil).Page(t)
	if len(page.Data) != 1 || page.Pagination.HasMore {
		t.Fatalf("projects %+v", page)
	}
	created := sandboxtest.Epoch.Add(-90 * 24 * time.Hour).Truncate(time.Hour).Format(time.RFC3339)
	want := map[string]any{"id": "424242", "object": "project", "name": "Production", "created_at": created, "updated_at": created}
	for field, v := range want {
		sandboxtest.WantString(t, page.Data[0], field, v)
	}
	if _, ok := page.Data[0]["description"].(string); !ok {
		t.Errorf("description %v", page.Data[0]["description"])
	}
	for query, n := range map[string]int{"?q=PRODUCT": 1, "?q=other": 0, "?sort=-updated_at&limit=1": 1, "?sort=name": 1} {
		if got := len(f.Developer("GET", "/v1/projects"+query, nil).Page(t).Data); got != n {
			t.Errorf("%s: %d projects, want %d", query, got, n)
		}
	}
	f.Developer("GET", "/v1/projects?sort=created_at", nil).WantFieldProblem(t, http.StatusBadRequest, "sort", "invalid_value", `sort "created_at" is not valid`)
	f.Developer("GET", "/v1/projects?limit=0", nil).WantFieldProblem(t, http.StatusBadRequest, "limit", "invalid_value", "from 1 to 200")
}

// A project-scoped path names the sandbox's project or none.
func TestDeveloperProjectPath(t *testing.T) {
	f := start(t)
	f.Developer("GET", "/v1/projects/sandbox/destinations", nil).WantFieldProblem(t, http.StatusBadRequest, "project_id", "invalid_value", "must be digits")
	f.Developer("GET", "/v1/projects/1/destinations", nil).WantProblem(t, http.StatusNotFound, "not_found", "no project 1")
	f.Developer("POST", "/v1/projects/1/destinations", sandboxtest.BrazeStream("elsewhere")).WantProblem(t, http.StatusNotFound, "not_found", "no project 1")
	// Authentication comes before the project.
	f.Send("GET", developerapi.Path+"/v1/projects/1/destinations", nil, nil).WantProblem(t, http.StatusUnauthorized, "authentication_required", "")
}

func TestDeveloperPagination(t *testing.T) {
	f := start(t)
	var ids []string
	for i := range 5 {
		ids = append(ids, f.CreateDestination(sandboxtest.Webhook(fmt.Sprintf("hook %d", i)))["id"].(string))
	}
	idsOf := func(p sandboxtest.DeveloperPage) []string {
		var got []string
		for _, d := range p.Data {
			got = append(got, d["id"].(string))
		}
		return got
	}
	first := f.Developer("GET", sandboxtest.DestinationsPath+"?limit=2", nil).Page(t)
	if fmt.Sprint(idsOf(first)) != fmt.Sprint(ids[:2]) || !first.Pagination.HasMore {
		t.Fatalf("first page %v, want %v and more", idsOf(first), ids[:2])
	}
	// Cursors are stable under inserts and removals: a new destination
	// comes last, a removed one shifts nothing.
	ids = append(ids, f.CreateDestination(sandboxtest.Webhook("hook 5"))["id"].(string))
	f.Control("DELETE", "/destinations/"+ids[0], nil).WantStatus(t, http.StatusOK)
	second := f.Developer("GET", sandboxtest.DestinationsPath+"?limit=2&cursor="+*first.Pagination.NextCursor, nil).Page(t)
	if fmt.Sprint(idsOf(second)) != fmt.Sprint(ids[2:4]) {
		t.Fatalf("second page %v, want %v", idsOf(second), ids[2:4])
	}
	last := f.Developer("GET", sandboxtest.DestinationsPath+"?limit=200&cursor="+*second.Pagination.NextCursor, nil).Page(t)
	if fmt.Sprint(idsOf(last)) != fmt.Sprint(ids[4:]) || last.Pagination.HasMore || last.Pagination.NextCursor != nil {
		t.Fatalf("last page %v (%+v), want %v and no more", idsOf(last), last.Pagination, ids[4:])
	}
	var raw struct {
		Pagination map[string]any `json:"pagination"`
	}
	f.Developer("GET", sandboxtest.DestinationsPath+"?limit=200", nil).Decode(t, &raw)
	if v, ok := raw.Pagination["next_cursor"]; !ok || v != nil {
		t.Errorf("the last page's next_cursor should be null, is %v", v)
	}

	for _, limit := range []string{"0", "201", "-1", "ten", ""} {
		f.Developer("GET", sandboxtest.DestinationsPath+"?limit="+limit, nil).WantFieldProblem(t, http.StatusBadRequest, "limit", "invalid_value", "must be a whole number from 1 to 200")
	}
	f.Developer("GET", sandboxtest.DestinationsPath+"?cursor=bogus", nil).WantFieldProblem(t, http.StatusBadRequest, "cursor", "invalid_value", `cursor "bogus" is not valid`)
	f.Developer("GET", "/v1/destination-types?limit=500", nil).WantFieldProblem(t, http.StatusBadRequest, "limit", "invalid_value", "")
}

func TestDeveloperDefaultPageSize(t *testing.T) {
	f := start(t)
	for i := range 51 {
		f.CreateDestination(sandboxtest.Webhook(fmt.Sprint(i)))
	}
	page := f.Developer("GET", sandboxtest.DestinationsPath, nil).Page(t)
	if len(page.Data) != 50 || !page.Pagination.HasMore {
		t.Errorf("first page has %d destinations (more: %v), want 50 and more", len(page.Data), page.Pagination.HasMore)
	}
}

// The vendor's lists page through a search index that serves the first
// 10,000 results of a query: a cursor past them is refused.
func TestDeveloperSearchWindow(t *testing.T) {
	f := start(t)
	developerapi.SetSearchWindow(f.Parts.Developer, 3)
	for i := range 5 {
		f.CreateDestination(sandboxtest.Webhook(fmt.Sprint(i)))
	}
	first := f.Developer("GET", sandboxtest.DestinationsPath+"?limit=2", nil).Page(t)
	second := f.Developer("GET", sandboxtest.DestinationsPath+"?limit=2&cursor="+*first.Pagination.NextCursor, nil).Page(t)
	if len(second.Data) != 2 || second.Pagination.NextCursor == nil {
		t.Fatalf("second page %+v", second)
	}
	p := f.Developer("GET", sandboxtest.DestinationsPath+"?limit=2&cursor="+*second.Pagination.NextCursor, nil).
		WantProblem(t, http.StatusBadRequest, "pagination_not_supported", "past the first 3 results")
	if p.Retryable {
		t.Error("pagination_not_supported is not retryable")
	}
	// A narrower query pages to its end.
	f.Developer("GET", sandboxtest.DestinationsPath+"?q=4", nil).Page(t)

	// The tracking plan's lists, in name order, keep the same window.
	developerapi.SetSearchWindow(f.Parts.Developer, 2)
	events := f.Developer("GET", sandboxtest.EventsPath+"?limit=2", nil).Page(t)
	f.Developer("GET", sandboxtest.EventsPath+"?cursor="+*events.Pagination.NextCursor, nil).WantProblem(t, http.StatusBadRequest, "pagination_not_supported", "first 2 results")
}

func TestDeveloperDestinationFilters(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	eventsOnly := f.CreateDestination(sandboxtest.Set(sandboxtest.Set(sandboxtest.BrazeStream("Events Only"), "kind", []any{"event"}), "enabled", false))["id"].(string)
	hook := f.CreateDestination(sandboxtest.Webhook("hook"))["id"].(string)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{stream, cohorts, eventsOnly, hook}},
		{"?q=EVENTS", []string{eventsOnly}},
		{"?q=o", []string{cohorts, eventsOnly, hook}},
		{"?partner=braze", []string{stream, cohorts, eventsOnly}},
		{"?partner=webhook", []string{hook}},
		{"?partner=segment", nil},
		{"?enabled=true", []string{stream, cohorts, hook}},
		{"?enabled=false", []string{eventsOnly}},
		{"?kind=event", []string{stream, eventsOnly, hook}},
		{"?kind=identify", []string{stream}},
		{"?kind=cohort", []string{cohorts}},
		{"?kind=warehouse_export", nil},
		{"?partner=braze&kind=event&enabled=true", []string{stream}},
		{"?partner=braze&limit=1", []string{stream}},
	}
	for _, tt := range tests {
		page := f.Developer("GET", sandboxtest.DestinationsPath+tt.query, nil).Page(t)
		var got []string
		for _, d := range page.Data {
			got = append(got, d["id"].(string))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %v, want %v", tt.query, got, tt.want)
		}
	}
	f.Developer("GET", sandboxtest.DestinationsPath+"?enabled=yes", nil).WantFieldProblem(t, http.StatusBadRequest, "enabled", "invalid_value", "must be true or false")
	f.Developer("GET", sandboxtest.DestinationsPath+"?kind=events", nil).WantFieldProblem(t, http.StatusBadRequest, "kind", "invalid_value", `kind "events" is not valid: it must be one of "event", "identify", "cohort", "warehouse_export"`)
	f.Developer("GET", sandboxtest.DestinationsPath+"?partner=", nil).WantFieldProblem(t, http.StatusBadRequest, "partner", "too_short", "not empty")
}
