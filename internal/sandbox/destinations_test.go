package sandbox_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestDestinationCreateAndGet(t *testing.T) {
	tests := []struct {
		name       string
		body       map[string]any
		secretPath []string
		wantMasked string
		wantAbsent []string
	}{
		{
			name:       "braze",
			body:       streamDestination("stream"),
			secretPath: []string{"config", "api_key"},
			wantMasked: "****-key", // last four of sandbox-braze-admin-key
			wantAbsent: []string{"mappings"},
		},
		{
			name:       "braze_cohort",
			body:       cohortDestination("cohorts"),
			secretPath: []string{"config", "data_import_key"},
			wantMasked: "****1234",
			wantAbsent: []string{"mapping", "send_events", "send_users"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := start(t)
			created := f.createDestination(tt.body)
			id, _ := created["id"].(string)
			if id == "" {
				t.Fatalf("no id in %v", created)
			}
			want := epoch.Format(time.RFC3339)
			if created["created_at"] != want || created["updated_at"] != want {
				t.Errorf("timestamps %v/%v, want %s", created["created_at"], created["updated_at"], want)
			}
			if created["enabled"] != true {
				t.Errorf("enabled = %v, want the default true", created["enabled"])
			}
			got := f.amplitude("GET", "/api/2/destinations/"+id, nil)
			got.wantStatus(t, http.StatusOK)
			read := got.object(t)
			config := read["config"].(map[string]any)
			if secret := config[tt.secretPath[1]]; secret != tt.wantMasked {
				t.Errorf("%v = %v, want %q", tt.secretPath, secret, tt.wantMasked)
			}
			if _, ok := config["user_alias_label"]; !ok {
				t.Error("config.user_alias_label should be present (null)")
			}
			for _, field := range tt.wantAbsent {
				if _, ok := read[field]; ok {
					t.Errorf("%s present on a %s destination", field, tt.name)
				}
			}
			if read["name"] != tt.body["name"] || read["type"] != tt.body["type"] {
				t.Errorf("read %v, created %v", read, tt.body)
			}
		})
	}
}

func TestDestinationNormalizesAbsentLists(t *testing.T) {
	f := start(t)
	body := streamDestination("lists")
	set(body, "send_events", map[string]any{"all_events": true})
	set(body, "send_users", absent)
	d := f.createDestination(body)
	se := d["send_events"].(map[string]any)
	for _, field := range []string{"events", "filters", "event_properties", "user_properties"} {
		if list, ok := se[field].([]any); !ok || len(list) != 0 {
			t.Errorf("send_events.%s = %v, want []", field, se[field])
		}
	}
	if _, ok := d["send_users"]; ok {
		t.Error("send_users should stay absent")
	}
}

func TestDestinationUnknownID(t *testing.T) {
	f := start(t)
	for _, method := range []string{"GET", "PUT", "DELETE"} {
		t.Run(method, func(t *testing.T) {
			var body any
			if method == "PUT" {
				body = streamDestination("x")
			}
			r := f.amplitude(method, "/api/2/destinations/no-such-id", body)
			r.wantStatus(t, http.StatusNotFound)
			if string(r.body) != `{"success":false,"errors":[{"message":"Not found"}]}`+"\n" {
				t.Errorf("body %s", r.body)
			}
		})
	}
}

func TestDestinationReplace(t *testing.T) {
	f := start(t)
	_, otherKey := f.createKey([]string{"users.track"}, nil)
	created := f.createDestination(streamDestination("stream"))
	id := created["id"].(string)
	path := "/api/2/destinations/" + id
	f.clock.advance(time.Hour)

	// A read, edited and sent back, as a client does: read-only fields and
	// the masked key come along; the secret is left out.
	edit := f.amplitude("GET", path, nil).object(t)
	edit["name"] = "renamed"
	edit["enabled"] = false
	edit["id"] = "attempt-to-change-id"
	edit["created_at"] = "2000-01-01T00:00:00Z"
	delete(edit["config"].(map[string]any), "api_key")
	r := f.amplitude("PUT", path, edit)
	r.wantStatus(t, http.StatusOK)
	replaced := r.object(t)
	if replaced["id"] != id || replaced["created_at"] != created["created_at"] {
		t.Errorf("read-only fields changed: %v", replaced)
	}
	if replaced["updated_at"] != epoch.Add(time.Hour).Format(time.RFC3339) {
		t.Errorf("updated_at = %v, want the clock's time", replaced["updated_at"])
	}
	if replaced["name"] != "renamed" || replaced["enabled"] != false {
		t.Errorf("PUT not applied: %v", replaced)
	}
	if got := replaced["config"].(map[string]any)["api_key"]; got != "****-key" {
		t.Errorf("api_key = %v; the omitted secret should be kept", got)
	}

	// PUT replaces the whole object: what is left out is gone.
	body := streamDestination("renamed")
	set(body, "config.api_key", otherKey)
	set(body, "send_users", absent)
	r = f.amplitude("PUT", path, body)
	r.wantStatus(t, http.StatusOK)
	replaced = f.amplitude("GET", path, nil).object(t)
	if _, ok := replaced["send_users"]; ok {
		t.Error("send_users survived a PUT without it")
	}
	if got := replaced["config"].(map[string]any)["api_key"]; got != "****"+otherKey[len(otherKey)-4:] {
		t.Errorf("api_key = %v, want the new key masked", got)
	}
}

func TestDestinationReplaceCannotChangeType(t *testing.T) {
	f := start(t)
	id := f.createDestination(streamDestination("stream"))["id"].(string)
	r := f.amplitude("PUT", "/api/2/destinations/"+id, cohortDestination("stream"))
	r.wantAmplitudeError(t, http.StatusBadRequest, "type cannot change from braze to braze_cohort")
}

func TestDestinationDelete(t *testing.T) {
	f := start(t)
	id := f.createDestination(streamDestination("stream"))["id"].(string)
	r := f.amplitude("DELETE", "/api/2/destinations/"+id, nil)
	r.wantStatus(t, http.StatusOK)
	if !r.amplitude(t).Success {
		t.Errorf("delete body %s", r.body)
	}
	f.amplitude("GET", "/api/2/destinations/"+id, nil).wantStatus(t, http.StatusNotFound)
	f.amplitude("DELETE", "/api/2/destinations/"+id, nil).wantStatus(t, http.StatusNotFound)
	// The name is free again.
	f.createDestination(streamDestination("stream"))
}

func TestDestinationNamesAreUnique(t *testing.T) {
	f := start(t)
	first := f.createDestination(streamDestination("taken"))
	second := f.createDestination(cohortDestination("free"))

	t.Run("create", func(t *testing.T) {
		r := f.amplitude("POST", "/api/2/destinations", cohortDestination("taken"))
		r.wantAmplitudeError(t, http.StatusConflict, `a destination named "taken" already exists (id `+first["id"].(string)+`)`)
	})
	t.Run("rename", func(t *testing.T) {
		r := f.amplitude("PUT", "/api/2/destinations/"+second["id"].(string), cohortDestination("taken"))
		r.wantAmplitudeError(t, http.StatusConflict, `a destination named "taken" already exists`)
	})
	t.Run("keeping its own name", func(t *testing.T) {
		f.amplitude("PUT", "/api/2/destinations/"+first["id"].(string), streamDestination("taken")).wantStatus(t, http.StatusOK)
	})
}

func TestDestinationListPagination(t *testing.T) {
	f := start(t)
	var ids []string
	for i := range 5 {
		ids = append(ids, f.createDestination(streamDestination(fmt.Sprintf("d%d", i)))["id"].(string))
	}

	page := func(query string) ([]string, *string) {
		t.Helper()
		r := f.amplitude("GET", "/api/2/destinations"+query, nil)
		r.wantStatus(t, http.StatusOK)
		var body struct {
			Data []struct {
				ID string `json:"id"`
			} `json:"data"`
			NextCursor *string `json:"next_cursor"`
		}
		r.decode(t, &body)
		var got []string
		for _, d := range body.Data {
			got = append(got, d.ID)
		}
		return got, body.NextCursor
	}

	first, cursor := page("?limit=2")
	if fmt.Sprint(first) != fmt.Sprint(ids[:2]) || cursor == nil {
		t.Fatalf("first page %v (cursor %v), want %v", first, cursor, ids[:2])
	}
	// Deleting an object already listed must not shift the next page.
	f.amplitude("DELETE", "/api/2/destinations/"+ids[0], nil).wantStatus(t, http.StatusOK)
	second, cursor := page("?limit=2&cursor=" + *cursor)
	if fmt.Sprint(second) != fmt.Sprint(ids[2:4]) || cursor == nil {
		t.Fatalf("second page %v (cursor %v), want %v", second, cursor, ids[2:4])
	}
	last, cursor := page("?limit=2&cursor=" + *cursor)
	if fmt.Sprint(last) != fmt.Sprint(ids[4:]) || cursor != nil {
		t.Fatalf("last page %v (cursor %v), want %v and no cursor", last, cursor, ids[4:])
	}
	all, cursor := page("")
	if len(all) != 4 || cursor != nil {
		t.Fatalf("unpaged list %v (cursor %v)", all, cursor)
	}
}

func TestDestinationListDefaultPageSize(t *testing.T) {
	f := start(t)
	for i := range 101 {
		f.createDestination(cohortDestination(fmt.Sprintf("d%03d", i)))
	}
	r := f.amplitude("GET", "/api/2/destinations", nil)
	r.wantStatus(t, http.StatusOK)
	var body struct {
		Data       []any   `json:"data"`
		NextCursor *string `json:"next_cursor"`
	}
	r.decode(t, &body)
	if len(body.Data) != 100 || body.NextCursor == nil {
		t.Fatalf("got %d items, cursor %v; want 100 and a cursor", len(body.Data), body.NextCursor)
	}
}

func TestDestinationListRejectsBadPaging(t *testing.T) {
	f := start(t)
	tests := []struct{ query, want string }{
		{"?limit=0", `limit "0" must be a whole number from 1 to 1000`},
		{"?limit=1001", `limit "1001" must be a whole number from 1 to 1000`},
		{"?limit=ten", `limit "ten"`},
		{"?cursor=garbage", `cursor "garbage" is not valid`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			f.amplitude("GET", "/api/2/destinations"+tt.query, nil).wantAmplitudeError(t, http.StatusBadRequest, tt.want)
		})
	}
}

func TestDestinationRequestBody(t *testing.T) {
	f := start(t)
	tests := []struct {
		name string
		body any
		want string
	}{
		{"empty", nil, "request body is empty"},
		{"not JSON", "{", "request body is not valid"},
		{"unknown field", set(streamDestination("x"), "colour", "blue"), `unknown field "colour"`},
		{"trailing data", `{"name":"x"} {}`, "data after the JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.amplitude("POST", "/api/2/destinations", tt.body).wantAmplitudeError(t, http.StatusBadRequest, tt.want)
		})
	}
}

// The sandbox's own /braze base URL is a Braze endpoint, so a client can point
// a destination at the sandbox it is talking to.
func TestDestinationAcceptsSandboxBrazeEndpoint(t *testing.T) {
	f := start(t)
	for _, endpoint := range []string{f.http.URL + "/braze", f.http.URL + "/braze/", "http://localhost:8089/braze", "https://rest.iad-01.braze.com/"} {
		t.Run(endpoint, func(t *testing.T) {
			body := set(streamDestination("d-"+endpoint), "config.endpoint", endpoint)
			f.amplitude("POST", "/api/2/destinations", body).wantStatus(t, http.StatusOK)
		})
	}
}

func TestDestinationConcurrentCreatesOfOneName(t *testing.T) {
	f := start(t)
	const n = 8
	statuses := make(chan int, n)
	for range n {
		go func() {
			r, err := f.try("POST", "/amplitude/api/2/destinations", streamDestination("race"), amplitudeAuth)
			if err != nil {
				statuses <- 0
				return
			}
			statuses <- r.status
		}()
	}
	counts := map[int]int{}
	for range n {
		counts[<-statuses]++
	}
	if counts[http.StatusOK] != 1 || counts[http.StatusConflict] != n-1 {
		t.Fatalf("statuses %v, want one 200 and %d 409s", counts, n-1)
	}
	if got := f.server.Stats().Objects.Destinations; got != 1 {
		t.Fatalf("%d destinations stored, want 1", got)
	}
}

func TestRequestBodyTooLarge(t *testing.T) {
	f := start(t)
	body := `{"name":"` + strings.Repeat("x", 2<<20) + `"}`
	f.amplitude("POST", "/api/2/destinations", body).wantAmplitudeError(t, http.StatusRequestEntityTooLarge, "request body is larger than 1048576 bytes")
}
