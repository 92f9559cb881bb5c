package brazeapi_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestCustomAttributesSeed(t *testing.T) {
	f := start(t)
	r := f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
	r.WantStatus(t, http.StatusOK)
	if r.Header.Get("Link") != "" {
		t.Errorf("Link %q on the only page", r.Header.Get("Link"))
	}
	if r.Header.Get("X-RateLimit-Limit") == "" {
		t.Error("no rate-limit headers")
	}
	want := `{"attributes":[` +
		`{"array_length":null,"data_type":"String","description":null,"name":"country","status":"Active","tag_names":[]},` +
		`{"array_length":null,"data_type":"String","description":"Subscription plan","name":"plan","status":"Active","tag_names":[]}],` +
		`"message":"success"}`
	if got := strings.TrimSpace(string(r.Body)); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
}

func TestCustomAttributesNeedPermission(t *testing.T) {
	f := start(t)
	_, trackOnly := f.CreateKey([]string{"users.track"}, nil)
	f.Braze(trackOnly, "GET", "/custom_attributes", nil).WantBrazeError(t, http.StatusForbidden, "lacks the custom_attributes.get permission")
	f.Braze("not-a-key", "GET", "/custom_attributes", nil).WantBrazeError(t, http.StatusUnauthorized, "Invalid API key")
	_, reader := f.CreateKey([]string{"custom_attributes.get"}, nil)
	f.Braze(reader, "GET", "/custom_attributes", nil).WantStatus(t, http.StatusOK)
}

// Pages of 50, sorted alphabetically, linked by Link headers in the format
// Braze documents for its catalog export.
func TestCustomAttributesPaging(t *testing.T) {
	f := start(t)
	added := f.AddAttributes(map[string]any{"count": 118, "names": []string{"Zebra", "apple"}})
	if added["added"] != 120 || added["custom_attributes"] != 122 {
		t.Fatalf("added %v, want 120 added and 122 in all", added)
	}
	cursor := func(skip int) string { return base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "skip:%d", skip)) }
	link := func(skip int, rel string) string {
		return fmt.Sprintf(`</braze/custom_attributes?cursor=%s>; rel="%s"`, cursor(skip), rel)
	}
	pages := []struct {
		query    string
		size     int
		wantLink string
	}{
		{"", 50, link(50, "next")},
		{"?cursor=" + cursor(50), 50, link(0, "prev") + "," + link(100, "next")},
		{"?cursor=" + cursor(100), 22, link(50, "prev")},
	}
	var names []string
	for _, p := range pages {
		r := f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes"+p.query, nil)
		r.WantStatus(t, http.StatusOK)
		if got := r.Header.Get("Link"); got != p.wantLink {
			t.Errorf("page %q: Link\n%s\nwant\n%s", p.query, got, p.wantLink)
		}
		var body sandboxtest.CustomAttributesBody
		r.Decode(t, &body)
		if body.Message != "success" || len(body.Attributes) != p.size {
			t.Fatalf("page %q: message %q, %d attributes, want %d", p.query, body.Message, len(body.Attributes), p.size)
		}
		for _, a := range body.Attributes {
			names = append(names, a["name"].(string))
		}
	}
	if cursor(100) != "c2tpcDoxMDA=" {
		t.Errorf("cursor for skip:100 is %s; Braze's example is c2tpcDoxMDA=", cursor(100))
	}
	if len(names) != 122 || names[0] != "apple" || names[1] != "country" || names[2] != "plan" || names[121] != "Zebra" {
		t.Errorf("order %v ... %v", names[:4], names[len(names)-2:])
	}
	if !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("not sorted alphabetically: %v", names)
	}
	if got := f.CustomAttributeNames(); !slices.Equal(got, names) {
		t.Errorf("following the next links read %d names, the pages %d", len(got), len(names))
	}
	if got := f.Sandbox.Stats(); got.Objects["custom_attributes"] != 122 || got.Requests.ByRoute["POST /_sandbox/custom_attributes"] != 0 {
		t.Errorf("stats %+v: the control endpoint must not count, its attributes must", got)
	}

	t.Run("past the end", func(t *testing.T) {
		r := f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes?cursor="+cursor(500), nil)
		r.WantStatus(t, http.StatusOK)
		var body sandboxtest.CustomAttributesBody
		r.Decode(t, &body)
		if len(body.Attributes) != 0 || r.Header.Get("Link") != link(450, "prev") {
			t.Errorf("%d attributes, Link %q", len(body.Attributes), r.Header.Get("Link"))
		}
	})
	t.Run("bad cursor", func(t *testing.T) {
		for _, c := range []string{"bogus!", base64.StdEncoding.EncodeToString([]byte("skip:-1")), base64.StdEncoding.EncodeToString([]byte("page:2"))} {
			f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes?cursor="+c, nil).WantBrazeError(t, http.StatusBadRequest, "is not valid")
		}
	})
}

func TestAddCustomAttributesControl(t *testing.T) {
	f := start(t)
	if got := f.AddAttributes(map[string]any{"names": []string{"plan", "tier", "tier"}}); got["added"] != 1 || got["custom_attributes"] != 3 {
		t.Errorf("added %v: existing and repeated names are skipped", got)
	}
	for _, tt := range []struct {
		body any
		want string
	}{
		{map[string]any{}, "send names, a count, or both"},
		{map[string]any{"count": -1}, "count must be from 0 to 10000"},
		{map[string]any{"names": []string{""}}, "names[0] must be 1 to 255 characters"},
		{map[string]any{"names": []string{strings.Repeat("x", 256)}}, "names[0] must be 1 to 255 characters"},
		{map[string]any{"prefix": "x"}, `unknown field "prefix"`},
	} {
		r := f.Control("POST", "/custom_attributes", tt.body)
		r.WantStatus(t, http.StatusBadRequest)
		var body struct{ Error string }
		r.Decode(t, &body)
		if !strings.Contains(body.Error, tt.want) {
			t.Errorf("error %q, want %q", body.Error, tt.want)
		}
	}
	// Faults are for vendor requests only.
	f.Sandbox.SetFaults(core.Faults{ErrorRate: 1})
	f.AddAttributes(map[string]any{"count": 1})
}
