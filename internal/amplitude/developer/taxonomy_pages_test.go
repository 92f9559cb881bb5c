package developer_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// The tracking plan's listings, which terraform query reads, follow the
// Developer API's cursor, and a server that pages wrongly ends a listing
// with an error instead of a loop.

func pagingClient(t *testing.T, handler http.HandlerFunc) *developer.Client {
	t.Helper()
	server := httptest.NewServer(handler)
	t.Cleanup(server.Close)
	c, err := developer.New(developer.Config{BaseURL: server.URL, AccessToken: "amp_paging", ProjectID: "7",
		Transport: transport.Config{MaxRetries: 0}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Three pages of events are read in three requests, each naming the cursor
// the page before handed out.
func TestTaxonomyListingsFollowTheCursor(t *testing.T) {
	var cursors []string
	c := pagingClient(t, func(w http.ResponseWriter, r *http.Request) {
		cursor := r.URL.Query().Get("cursor")
		cursors = append(cursors, cursor)
		next, more := map[string]string{"": "p2", "p2": "p3"}[cursor]
		nextJSON := "null"
		if more {
			nextJSON = fmt.Sprintf("%q", next)
		}
		fmt.Fprintf(w, `{"data": [{"id": "e%[1]s", "event_type": "e%[1]s", "display_name": "e%[1]s", "is_active": true}], "pagination": {"next_cursor": %[2]s, "has_more": %[3]t}}`,
			cursor, nextJSON, more)
	})
	events, err := c.ListEvents(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 3 || strings.Join(cursors, ",") != ",p2,p3" {
		t.Errorf("read %d events with cursors %q; want 3 events with cursors \",p2,p3\"", len(events), cursors)
	}
}

// A cursor handed out twice stops each listing at the page that repeats it.
func TestTaxonomyListingsStopWhenACursorRepeats(t *testing.T) {
	listings := map[string]func(*developer.Client) error{
		"events": func(c *developer.Client) error { _, err := c.ListEvents(t.Context()); return err },
		"events/Purchase/event-properties": func(c *developer.Client) error {
			_, err := c.ListEventProperties(t.Context(), "Purchase")
			return err
		},
		"user-properties": func(c *developer.Client) error { _, err := c.ListUserProperties(t.Context()); return err },
	}
	for path, list := range listings {
		t.Run(path, func(t *testing.T) {
			var pages atomic.Int32
			c := pagingClient(t, func(w http.ResponseWriter, r *http.Request) {
				n := pages.Add(1)
				// c1, c2, c0, c1: the fourth page repeats the first's.
				fmt.Fprintf(w, `{"data": [], "pagination": {"next_cursor": "c%d", "has_more": true}}`, n%3)
			})
			// Were the repetition missed, the listing would not end, and
			// the test would fail at go test's timeout.
			err := list(c)
			if err == nil || !strings.Contains(err.Error(), "/v1/projects/7/"+path) || !strings.Contains(err.Error(), "page 4 handed back the cursor of page 1") {
				t.Errorf("err = %v; want the repeated cursor named with the path", err)
			}
			if n := pages.Load(); n != 4 {
				t.Errorf("%d pages requested; want 4", n)
			}
		})
	}
}
