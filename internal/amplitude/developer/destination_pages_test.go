package developer_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// A server that pages wrongly, handing the second page the first page's
// cursor again, ends the listing with an error naming the repeat after the
// second request, rather than asking for the same page forever. The
// destinations read before the repeat have been passed on.
func TestDestinationPagesStopsAtARepeatedCursor(t *testing.T) {
	var requests atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"data": [{"id": "d%d", "object": "destination", "project_id": "424242", "partner": "braze", "display_name": "page %d", "kind": ["event"], "config": {}, "credential_status": "connected", "version": 1}], "pagination": {"next_cursor": "same", "has_more": true}}`, n, n)
	}))
	t.Cleanup(server.Close)
	var ids []string
	var err error
	for page, pageErr := range newClient(t, server.URL, adminToken).DestinationPages(t.Context(), developer.DestinationFilter{}) {
		if pageErr != nil {
			err = pageErr
			break
		}
		for _, d := range page {
			ids = append(ids, d.ID)
		}
	}
	if err == nil || !strings.Contains(err.Error(), "page 2 handed back the cursor of page 1") {
		t.Errorf("err = %v; want the repeated cursor named", err)
	}
	if got := requests.Load(); got != 2 {
		t.Errorf("%d requests, want 2: the listing must stop at the repeat", got)
	}
	if strings.Join(ids, ",") != "d1,d2" {
		t.Errorf("destinations passed on: %v, want d1,d2", ids)
	}
}

// A listing asks for the largest page Amplitude serves and passes its
// filters on every page, so that 500 destinations cost three requests.
func TestDestinationPagesAsksForLargePagesWithTheFilters(t *testing.T) {
	var queries []string
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		w.Header().Set("Content-Type", "application/json")
		next := `"c1"`
		if r.URL.Query().Get("cursor") == "c1" {
			next = "null"
		}
		fmt.Fprintf(w, `{"data": [], "pagination": {"next_cursor": %s, "has_more": %t}}`, next, next != "null")
	}))
	t.Cleanup(server.Close)
	enabled := false
	for _, err := range newClient(t, server.URL, adminToken).DestinationPages(t.Context(), developer.DestinationFilter{Partner: "braze", Kind: "cohort", Enabled: &enabled}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"enabled=false&kind=cohort&limit=200&partner=braze", "cursor=c1&enabled=false&kind=cohort&limit=200&partner=braze"}
	if strings.Join(queries, " ") != strings.Join(want, " ") {
		t.Errorf("queries %q, want %q", queries, want)
	}
}
