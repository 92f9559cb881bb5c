package sandbox_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// names reads every page of a taxonomy list, following next_cursor.
func (f *sandboxFixture) names(path, query string, field string) []string {
	f.t.Helper()
	var names []string
	next := ""
	for {
		sep := "?"
		if strings.Contains(query, "?") {
			sep = "&"
		}
		target := path + query
		if next != "" {
			target += sep + "cursor=" + next
		}
		p := f.developer("GET", target, nil).page(f.t)
		for _, item := range p.Data {
			names = append(names, item[field].(string))
		}
		if !p.Pagination.HasMore {
			return names
		}
		next = *p.Pagination.NextCursor
	}
}

func TestEventsSeed(t *testing.T) {
	f := start(t)
	if got := f.names(eventsPath, "", "event_type"); !slices.Equal(got, []string{"Add to Cart", "Purchase", "Sign Up"}) {
		t.Errorf("events %v", got)
	}
	r := f.developer("GET", eventPath("Purchase"), nil)
	r.wantStatus(t, http.StatusOK)
	want := `{"data":{"id":"Purchase","object":"event","project_id":"424242","event_type":"Purchase","display_name":"Purchase","description":null,"is_active":true}}`
	if got := strings.TrimSpace(string(r.body)); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
}

func TestEventLifecycle(t *testing.T) {
	f := start(t)
	r := f.write("POST", eventsPath, map[string]any{"event_type": "Checkout Started", "description": "The cart page's checkout button"})
	r.wantStatus(t, http.StatusCreated)
	created := r.data(t)
	want := map[string]any{
		"id": "Checkout Started", "object": "event", "project_id": "424242", "event_type": "Checkout Started",
		"display_name": "Checkout Started", "description": "The cart page's checkout button", "is_active": true,
	}
	if mustJSON(t, created) != mustJSON(t, want) {
		t.Errorf("created %v, want %v", created, want)
	}
	if got := f.developer("GET", eventPath("Checkout Started"), nil).data(t); mustJSON(t, got) != mustJSON(t, want) {
		t.Errorf("read back %v", got)
	}

	t.Run("a second create is a conflict", func(t *testing.T) {
		f.write("POST", eventsPath, map[string]any{"event_type": "Checkout Started"}).
			wantProblem(t, http.StatusConflict, "already_exists", "event Checkout Started already exists: change it with PATCH, or import it")
		f.write("POST", eventsPath, map[string]any{"event_type": "Purchase"}).wantProblem(t, http.StatusConflict, "already_exists", "")
	})

	t.Run("PATCH changes what it sends", func(t *testing.T) {
		path := eventPath("Checkout Started")
		got := f.write("PATCH", path, map[string]any{"is_active": false}).data(t)
		wantString(t, got, "is_active", false)
		wantString(t, got, "description", "The cart page's checkout button")
		got = f.write("PATCH", path, map[string]any{"description": "Checkout begins"}).data(t)
		wantString(t, got, "is_active", false)
		wantString(t, got, "description", "Checkout begins")
		got = f.write("PATCH", path, map[string]any{"description": nil}).data(t)
		wantString(t, got, "description", nil)
		got = f.write("PATCH", path, map[string]any{}).data(t)
		wantString(t, got, "is_active", false)
		if read := f.developer("GET", path, nil).data(t); mustJSON(t, read) != mustJSON(t, got) {
			t.Errorf("read %v after PATCH answered %v", read, got)
		}
	})

	t.Run("PATCH refusals", func(t *testing.T) {
		path := eventPath("Checkout Started")
		f.write("PATCH", path, map[string]any{"is_active": nil}).wantFieldProblem(t, http.StatusBadRequest, "is_active", "invalid_type", "true or false")
		f.write("PATCH", path, map[string]any{"display_name": "Checkout"}).wantFieldProblem(t, http.StatusBadRequest, "display_name", "unknown_field", "")
		f.write("PATCH", path, map[string]any{"event_type": "Checkout"}).wantFieldProblem(t, http.StatusBadRequest, "event_type", "unknown_field", "")
		f.write("PATCH", eventPath("Nothing"), map[string]any{}).wantProblem(t, http.StatusNotFound, "not_found", `no event "Nothing" in project 424242`)
	})

	t.Run("soft delete and restore", func(t *testing.T) {
		path := eventPath("Checkout Started")
		r := f.write("DELETE", path, nil)
		r.wantStatus(t, http.StatusNoContent)
		if len(r.body) != 0 {
			t.Errorf("DELETE answered a body: %s", r.body)
		}
		f.developer("GET", path, nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("PATCH", path, map[string]any{"is_active": true}).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("DELETE", path, nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		if slices.Contains(f.names(eventsPath, "", "event_type"), "Checkout Started") {
			t.Error("a deleted event is listed")
		}
		if n := f.server.Stats().Objects.Events; n != 3 {
			t.Errorf("%d live events", n)
		}

		r = f.write("POST", eventsPath, map[string]any{"event_type": "Checkout Started", "description": "Back"})
		r.wantStatus(t, http.StatusCreated)
		got := r.data(t)
		wantString(t, got, "description", "Back")
		wantString(t, got, "is_active", true)
		if n := f.server.Stats().Objects.Events; n != 4 {
			t.Errorf("%d live events after the restore", n)
		}
	})

	t.Run("dry run deletes nothing", func(t *testing.T) {
		f.write("DELETE", eventPath("Sign Up")+"?dry_run=true", nil).wantStatus(t, http.StatusNoContent)
		f.developer("GET", eventPath("Sign Up"), nil).wantStatus(t, http.StatusOK)
		f.write("DELETE", eventPath("Nothing")+"?dry_run=true", nil).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("DELETE", eventPath("Sign Up")+"?dry_run=maybe", nil).wantFieldProblem(t, http.StatusBadRequest, "dry_run", "invalid_value", "true or false")
	})
}

// An event type is its own id in paths, URL-encoded: spaces, slashes and
// all.
func TestEventIDsAreEncodedTypes(t *testing.T) {
	f := start(t)
	f.developer("GET", eventsPath+"/Sign%20Up", nil).wantStatus(t, http.StatusOK)
	for _, eventType := range []string{"cart/checkout", "100% done?", "Ünïcödé", "a+b"} {
		f.write("POST", eventsPath, map[string]any{"event_type": eventType}).wantStatus(t, http.StatusCreated)
		r := f.developer("GET", eventPath(eventType), nil)
		r.wantStatus(t, http.StatusOK)
		wantString(t, r.data(t), "id", eventType)
	}
	f.write("PATCH", eventPath("cart/checkout"), map[string]any{"description": "slash"}).wantStatus(t, http.StatusOK)
	r := f.write("POST", eventPropertiesPath("cart/checkout"), map[string]any{"property_name": "step/name"})
	r.wantStatus(t, http.StatusCreated)
	wantString(t, r.data(t), "event_type", "cart/checkout")
	f.developer("GET", eventPropertiesPath("cart/checkout")+"/step%2Fname", nil).wantStatus(t, http.StatusOK)
}

func TestEventListPaging(t *testing.T) {
	f := start(t)
	var want []string
	for i := range 7 {
		name := fmt.Sprintf("Step %d", i)
		want = append(want, name)
		f.write("POST", eventsPath, map[string]any{"event_type": name}).wantStatus(t, http.StatusCreated)
	}
	all := slices.Concat([]string{"Add to Cart", "Purchase", "Sign Up"}, want)
	slices.Sort(all)

	first := f.developer("GET", eventsPath+"?limit=4", nil).page(t)
	if len(first.Data) != 4 || !first.Pagination.HasMore || first.Data[0]["event_type"] != "Add to Cart" {
		t.Fatalf("first page %+v", first)
	}
	// An event that sorts into the pages already read shifts nothing.
	f.write("POST", eventsPath, map[string]any{"event_type": "AAA first"}).wantStatus(t, http.StatusCreated)
	second := f.developer("GET", eventsPath+"?limit=4&cursor="+*first.Pagination.NextCursor, nil).page(t)
	if second.Data[0]["event_type"] != all[4] {
		t.Errorf("second page starts at %v, want %s", second.Data[0]["event_type"], all[4])
	}
	if got := f.names(eventsPath, "?limit=3", "event_type"); !slices.Equal(got, slices.Concat([]string{"AAA first"}, all)) {
		t.Errorf("every page %v", got)
	}
	if got := f.names(eventsPath, "?q=STEP&limit=2", "event_type"); !slices.Equal(got, want) {
		t.Errorf("q=STEP %v, want %v", got, want)
	}
	if got := f.names(eventsPath, "?q=nothing", "event_type"); len(got) != 0 {
		t.Errorf("q=nothing %v", got)
	}

	t.Run("bad parameters", func(t *testing.T) {
		f.developer("GET", eventsPath+"?limit=0", nil).wantFieldProblem(t, http.StatusBadRequest, "limit", "invalid_value", "from 1 to 200")
		f.developer("GET", eventsPath+"?limit=201", nil).wantFieldProblem(t, http.StatusBadRequest, "limit", "invalid_value", "")
		f.developer("GET", eventsPath+"?cursor=bogus", nil).wantFieldProblem(t, http.StatusBadRequest, "cursor", "invalid_value", "")
		// A destination list's cursor is no event cursor.
		f.createDestination(brazeStream("a"))
		f.createDestination(brazeStream("b"))
		c := f.developer("GET", destinationsPath+"?limit=1", nil).page(t).Pagination.NextCursor
		f.developer("GET", eventsPath+"?cursor="+*c, nil).wantFieldProblem(t, http.StatusBadRequest, "cursor", "invalid_value", "")
	})

	t.Run("search window", func(t *testing.T) {
		sandbox.SetSearchWindow(f.server, 5)
		p := f.developer("GET", eventsPath+"?limit=5", nil).page(t)
		f.developer("GET", eventsPath+"?cursor="+*p.Pagination.NextCursor, nil).wantProblem(t, http.StatusBadRequest, "pagination_not_supported", "first 5 results")
	})
}

func TestEventScopes(t *testing.T) {
	f := start(t)
	readOnly := developerAuth(sandbox.DeveloperAPIReadOnlyToken)
	f.send("GET", sandbox.DeveloperAPIPath+eventsPath, nil, readOnly).wantStatus(t, http.StatusOK)
	f.send("GET", sandbox.DeveloperAPIPath+eventPath("Purchase"), nil, readOnly).wantStatus(t, http.StatusOK)
	f.writeAs(sandbox.DeveloperAPIReadOnlyToken, newKey(), "POST", eventsPath, map[string]any{"event_type": "X"}).
		wantProblem(t, http.StatusForbidden, "insufficient_scope", "needs the taxonomy:write scope")
	f.writeAs(sandbox.DeveloperAPIReadOnlyToken, newKey(), "DELETE", eventPath("Purchase"), nil).
		wantProblem(t, http.StatusForbidden, "insufficient_scope", "")
	f.send("GET", sandbox.DeveloperAPIPath+eventsPath, nil, nil).wantProblem(t, http.StatusUnauthorized, "authentication_required", "")
	f.developer("GET", "/v1/projects/1/events", nil).wantProblem(t, http.StatusNotFound, "not_found", "no project 1")
	f.developer("PUT", eventPath("Purchase"), nil).wantProblem(t, http.StatusMethodNotAllowed, "method_not_allowed", "")
	if got := f.developer("PUT", eventPath("Purchase"), nil).header.Get("Allow"); got != "GET, PATCH, DELETE" {
		t.Errorf("Allow %q", got)
	}
}
