package brazeapi_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestCustomEventsSeed(t *testing.T) {
	f := start(t)
	r := f.Braze(brazeapi.AdminKey, "GET", "/events", nil)
	r.WantStatus(t, http.StatusOK)
	if r.Header.Get("Link") != "" {
		t.Errorf("Link %q on the only page", r.Header.Get("Link"))
	}
	want := `{"events":[` +
		`{"name":"Purchase","description":null,"included_in_analytics_report":true,"status":"Active","tag_names":[]},` +
		`{"name":"Sign Up","description":null,"included_in_analytics_report":false,"status":"Active","tag_names":[]}],` +
		`"message":"success"}`
	sandboxtest.WantJSON(t, r.Body, want)
	_, trackOnly := f.CreateKey([]string{"users.track", "events.list"}, nil)
	f.Braze(trackOnly, "GET", "/events", nil).WantBrazeError(t, http.StatusForbidden, "lacks the events.get permission")
	_, reader := f.CreateKey([]string{"events.get"}, nil)
	f.Braze(reader, "GET", "/events", nil).WantStatus(t, http.StatusOK)
}

// Pages of 50, sorted alphabetically; the next page is only in the Link
// header, an absolute URL on the host the request came to.
func TestCustomEventsPaging(t *testing.T) {
	f := start(t)
	r := f.Control("POST", "/custom_events", map[string]any{"count": 100, "names": []string{"add to cart", "Purchase"}})
	r.WantStatus(t, http.StatusOK)
	var added map[string]int
	r.Decode(t, &added)
	if added["added"] != 101 || added["custom_events"] != 103 {
		t.Fatalf("added %v", added)
	}
	cursor := func(skip int) string { return base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "skip:%d", skip)) }
	link := func(skip int, rel string) string {
		return fmt.Sprintf(`<%s/braze/events?cursor=%s>; rel="%s"`, f.HTTP.URL, cursor(skip), rel)
	}
	var names []string
	path := "/events"
	for page, want := range []struct {
		size int
		link string
	}{
		{50, link(50, "next")},
		{50, link(0, "prev") + "," + link(100, "next")},
		{3, link(50, "prev")},
	} {
		r := f.Braze(brazeapi.AdminKey, "GET", path, nil)
		r.WantStatus(t, http.StatusOK)
		if got := r.Header.Get("Link"); got != want.link {
			t.Errorf("page %d: Link\n%s\nwant\n%s", page, got, want.link)
		}
		var body sandboxtest.CustomEventsBody
		r.Decode(t, &body)
		if body.Message != "success" || len(body.Events) != want.size {
			t.Fatalf("page %d: %d events, want %d", page, len(body.Events), want.size)
		}
		for _, e := range body.Events {
			names = append(names, e["name"].(string))
		}
		if next, ok := sandboxtest.LinkRel(r.Header.Get("Link"), "next"); ok {
			u, err := url.Parse(next)
			if err != nil || u.Host != strings.TrimPrefix(f.HTTP.URL, "http://") {
				t.Fatalf("next link %q", next)
			}
			path = strings.TrimPrefix(u.RequestURI(), "/braze")
		}
	}
	if len(names) != 103 || names[0] != "add to cart" || names[1] != "Purchase" || names[2] != "sandbox_event_00001" || names[102] != "Sign Up" {
		t.Errorf("order %v ... %v", names[:3], names[len(names)-2:])
	}
	if !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("not sorted alphabetically: %v", names)
	}
	for _, c := range []string{"bogus!", cursor(-1)} {
		f.Braze(brazeapi.AdminKey, "GET", "/events?cursor="+url.QueryEscape(c), nil).WantBrazeError(t, http.StatusBadRequest, "is not valid")
	}
	for _, body := range []any{map[string]any{}, map[string]any{"names": []string{strings.Repeat("e", 256)}}} {
		f.Control("POST", "/custom_events", body).WantStatus(t, http.StatusBadRequest)
	}
}

// GET /events and GET /custom_attributes draw on one hourly window.
func TestCustomEventsShareTheExportLimit(t *testing.T) {
	f := start(t)
	r := f.Braze(brazeapi.AdminKey, "GET", "/events", nil)
	if r.Header.Get("X-RateLimit-Limit") != "1000" || r.Header.Get("X-RateLimit-Remaining") != "999" {
		t.Errorf("headers %v", r.Header)
	}
	brazeapi.SetExportLimit(f.Parts.Braze, 1000)
	for i := range 1000 {
		path := "/events"
		if i%2 == 1 {
			path = "/custom_attributes"
		}
		if r := f.Braze(brazeapi.AdminKey, "GET", path, nil); r.Status != http.StatusOK {
			t.Fatalf("request %d: %d", i, r.Status)
		}
	}
	for _, path := range []string{"/events", "/custom_attributes"} {
		r := f.Braze(brazeapi.AdminKey, "GET", path, nil)
		r.WantBrazeError(t, http.StatusTooManyRequests, "Rate Limited")
		if r.Header.Get("X-RateLimit-Limit") != "1000" || r.Header.Get("X-RateLimit-Remaining") != "0" || r.Header.Get("X-RateLimit-Reset") == "" {
			t.Errorf("%s: headers %v", path, r.Header)
		}
	}
	f.Segments("")
}
