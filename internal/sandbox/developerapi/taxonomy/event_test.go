package taxonomy_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// names reads every page of a taxonomy list, following next_cursor.
func (f *fixture) names(path, query string, field string) []string {
	f.T.Helper()
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
		p := f.Developer("GET", target, nil).Page(f.T)
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
	if got := f.names(sandboxtest.EventsPath, "", "event_type"); !slices.Equal(got, []string{"Add to Cart", "Purchase", "Sign Up"}) {
		t.Errorf("events %v", got)
	}
	r := f.Developer("GET", sandboxtest.EventPath("Purchase"), nil)
	r.WantStatus(t, http.StatusOK)
	want := `{"data":{"id":"Purchase","object":"event","project_id":"424242","event_type":"Purchase","display_name":"Purchase","description":null,"is_active":true}}`
	sandboxtest.WantJSON(t, r.Body, want)
}

func TestEventLifecycle(t *testing.T) {
	f := start(t)
	r := f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout Started", "description": "The cart page's checkout button"})
	r.WantStatus(t, http.StatusCreated)
	created := r.Data(t)
	want := map[string]any{
		"id": "Checkout Started", "object": "event", "project_id": "424242", "event_type": "Checkout Started",
		"display_name": "Checkout Started", "description": "The cart page's checkout button", "is_active": true,
	}
	if sandboxtest.MustJSON(t, created) != sandboxtest.MustJSON(t, want) {
		t.Errorf("created %v, want %v", created, want)
	}
	if got := f.Developer("GET", sandboxtest.EventPath("Checkout Started"), nil).Data(t); sandboxtest.MustJSON(t, got) != sandboxtest.MustJSON(t, want) {
		t.Errorf("read back %v", got)
	}

	t.Run("a second create is a conflict", func(t *testing.T) {
		f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout Started"}).
			WantProblem(t, http.StatusConflict, "already_exists", "event Checkout Started already exists: change it with PATCH, or import it")
		f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "Purchase"}).WantProblem(t, http.StatusConflict, "already_exists", "")
	})

	t.Run("PATCH changes what it sends", func(t *testing.T) {
		path := sandboxtest.EventPath("Checkout Started")
		got := f.Write("PATCH", path, map[string]any{"is_active": false}).Data(t)
		sandboxtest.WantString(t, got, "is_active", false)
		sandboxtest.WantString(t, got, "description", "The cart page's checkout button")
		got = f.Write("PATCH", path, map[string]any{"description": "Checkout begins"}).Data(t)
		sandboxtest.WantString(t, got, "is_active", false)
		sandboxtest.WantString(t, got, "description", "Checkout begins")
		got = f.Write("PATCH", path, map[string]any{"description": nil}).Data(t)
		sandboxtest.WantString(t, got, "description", nil)
		got = f.Write("PATCH", path, map[string]any{}).Data(t)
		sandboxtest.WantString(t, got, "is_active", false)
		if read := f.Developer("GET", path, nil).Data(t); sandboxtest.MustJSON(t, read) != sandboxtest.MustJSON(t, got) {
			t.Errorf("read %v after PATCH answered %v", read, got)
		}
	})

	t.Run("PATCH refusals", func(t *testing.T) {
		path := sandboxtest.EventPath("Checkout Started")
		f.Write("PATCH", path, map[string]any{"is_active": nil}).WantFieldProblem(t, http.StatusBadRequest, "is_active", "invalid_type", "true or false")
		f.Write("PATCH", path, map[string]any{"display_name": "Checkout"}).WantFieldProblem(t, http.StatusBadRequest, "display_name", "unknown_field", "")
		f.Write("PATCH", path, map[string]any{"event_type": "Checkout"}).WantFieldProblem(t, http.StatusBadRequest, "event_type", "unknown_field", "")
		f.Write("PATCH", sandboxtest.EventPath("Nothing"), map[string]any{}).WantProblem(t, http.StatusNotFound, "not_found", `no event "Nothing" in project 424242`)
	})

	t.Run("soft delete and restore", func(t *testing.T) {
		path := sandboxtest.EventPath("Checkout Started")
		r := f.Write("DELETE", path, nil)
		r.WantStatus(t, http.StatusNoContent)
		if len(r.Body) != 0 {
			t.Errorf("DELETE answered a body: %s", r.Body)
		}
		f.Developer("GET", path, nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("PATCH", path, map[string]any{"is_active": true}).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("DELETE", path, nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		if slices.Contains(f.names(sandboxtest.EventsPath, "", "event_type"), "Checkout Started") {
			t.Error("a deleted event is listed")
		}
		if n := f.Sandbox.Stats().Objects["events"]; n != 3 {
			t.Errorf("%d live events", n)
		}

		r = f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout Started", "description": "Back"})
		r.WantStatus(t, http.StatusCreated)
		got := r.Data(t)
		sandboxtest.WantString(t, got, "description", "Back")
		sandboxtest.WantString(t, got, "is_active", true)
		if n := f.Sandbox.Stats().Objects["events"]; n != 4 {
			t.Errorf("%d live events after the restore", n)
		}
	})

	t.Run("dry run deletes nothing", func(t *testing.T) {
		f.Write("DELETE", sandboxtest.EventPath("Sign Up")+"?dry_run=true", nil).WantStatus(t, http.StatusNoContent)
		f.Developer("GET", sandboxtest.EventPath("Sign Up"), nil).WantStatus(t, http.StatusOK)
		f.Write("DELETE", sandboxtest.EventPath("Nothing")+"?dry_run=true", nil).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("DELETE", sandboxtest.EventPath("Sign Up")+"?dry_run=maybe", nil).WantFieldProblem(t, http.StatusBadRequest, "dry_run", "invalid_value", "true or false")
	})
}

// An event type is its own id in paths, URL-encoded: spaces, slashes and
// all.
func TestEventIDsAreEncodedTypes(t *testing.T) {
	f := start(t)
	f.Developer("GET", sandboxtest.EventsPath+"/Sign%20Up", nil).WantStatus(t, http.StatusOK)
	for _, eventType := range []string{"cart/checkout", "100% done?", "Ünïcödé", "a+b"} {
		f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": eventType}).WantStatus(t, http.StatusCreated)
		r := f.Developer("GET", sandboxtest.EventPath(eventType), nil)
		r.WantStatus(t, http.StatusOK)
		sandboxtest.WantString(t, r.Data(t), "id", eventType)
	}
	f.Write("PATCH", sandboxtest.EventPath("cart/checkout"), map[string]any{"description": "slash"}).WantStatus(t, http.StatusOK)
	r := f.Write("POST", sandboxtest.EventPropertiesPath("cart/checkout"), map[string]any{"property_name": "step/name"})
	r.WantStatus(t, http.StatusCreated)
	sandboxtest.WantString(t, r.Data(t), "event_type", "cart/checkout")
	f.Developer("GET", sandboxtest.EventPropertiesPath("cart/checkout")+"/step%2Fname", nil).WantStatus(t, http.StatusOK)
}

func TestEventListPaging(t *testing.T) {
	f := start(t)
	var want []string
	for i := range 7 {
		name := fmt.Sprintf("Step %d", i)
		want = append(want, name)
		f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": name}).WantStatus(t, http.StatusCreated)
	}
	all := slices.Concat([]string{"Add to Cart", "Purchase", "Sign Up"}, want)
	slices.Sort(all)

	first := f.Developer("GET", sandboxtest.EventsPath+"?limit=4", nil).Page(t)
	if len(first.Data) != 4 || !first.Pagination.HasMore || first.Data[0]["event_type"] != "Add to Cart" {
		t.Fatalf("first page %+v", first)
	}
	// An event that sorts into the pages already read shifts nothing.
	f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "AAA first"}).WantStatus(t, http.StatusCreated)
	second := f.Developer("GET", sandboxtest.EventsPath+"?limit=4&cursor="+*first.Pagination.NextCursor, nil).Page(t)
	if second.Data[0]["event_type"] != all[4] {
		t.Errorf("second page starts at %v, want %s", second.Data[0]["event_type"], all[4])
	}
	if got := f.names(sandboxtest.EventsPath, "?limit=3", "event_type"); !slices.Equal(got, slices.Concat([]string{"AAA first"}, all)) {
		t.Errorf("every page %v", got)
	}
	if got := f.names(sandboxtest.EventsPath, "?q=STEP&limit=2", "event_type"); !slices.Equal(got, want) {
		t.Errorf("q=STEP %v, want %v", got, want)
	}
	if got := f.names(sandboxtest.EventsPath, "?q=nothing", "event_type"); len(got) != 0 {
		t.Errorf("q=nothing %v", got)
	}

	t.Run("bad parameters", func(t *testing.T) {
		f.Developer("GET", sandboxtest.EventsPath+"?limit=0", nil).WantFieldProblem(t, http.StatusBadRequest, "limit", "invalid_value", "from 1 to 200")
		f.Developer("GET", sandboxtest.EventsPath+"?limit=201", nil).WantFieldProblem(t, http.StatusBadRequest, "limit", "invalid_value", "")
		f.Developer("GET", sandboxtest.EventsPath+"?cursor=bogus", nil).WantFieldProblem(t, http.StatusBadRequest, "cursor", "invalid_value", "")
		// A destination list's cursor is no event cursor.
		f.CreateDestination(sandboxtest.BrazeStream("a"))
		f.CreateDestination(sandboxtest.BrazeStream("b"))
		c := f.Developer("GET", sandboxtest.DestinationsPath+"?limit=1", nil).Page(t).Pagination.NextCursor
		f.Developer("GET", sandboxtest.EventsPath+"?cursor="+*c, nil).WantFieldProblem(t, http.StatusBadRequest, "cursor", "invalid_value", "")
	})
}

func TestEventScopes(t *testing.T) {
	f := start(t)
	readOnly := sandboxtest.DeveloperAuth(developerapi.ReadOnlyToken)
	f.Send("GET", developerapi.Path+sandboxtest.EventsPath, nil, readOnly).WantStatus(t, http.StatusOK)
	f.Send("GET", developerapi.Path+sandboxtest.EventPath("Purchase"), nil, readOnly).WantStatus(t, http.StatusOK)
	f.WriteAs(developerapi.ReadOnlyToken, sandboxtest.NewKey(), "POST", sandboxtest.EventsPath, map[string]any{"event_type": "X"}).
		WantProblem(t, http.StatusForbidden, "insufficient_scope", "needs the taxonomy:write scope")
	f.WriteAs(developerapi.ReadOnlyToken, sandboxtest.NewKey(), "DELETE", sandboxtest.EventPath("Purchase"), nil).
		WantProblem(t, http.StatusForbidden, "insufficient_scope", "")
	f.Send("GET", developerapi.Path+sandboxtest.EventsPath, nil, nil).WantProblem(t, http.StatusUnauthorized, "authentication_required", "")
	f.Developer("GET", "/v1/projects/1/events", nil).WantProblem(t, http.StatusNotFound, "not_found", "no project 1")
	f.Developer("PUT", sandboxtest.EventPath("Purchase"), nil).WantProblem(t, http.StatusMethodNotAllowed, "method_not_allowed", "")
	if got := f.Developer("PUT", sandboxtest.EventPath("Purchase"), nil).Header.Get("Allow"); got != "GET, PATCH, DELETE" {
		t.Errorf("Allow %q", got)
	}
}
