package amplitude_test

import (
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// A create whose response is lost is applied all the same. The client must
// find what it made instead of making it twice: the sandbox drops every
// write's response, and only the client's lookup, a read, gets through.
// (Destinations and the tracking plan, on the Developer API, are tested in
// package developer.)
func TestCreateWithLostResponseMakesOneObject(t *testing.T) {
	tests := []struct {
		name string
		// create makes the object with writes' responses dropped.
		create func(*fixture, *testing.T) error
		route  string
		// lookup is the route the client finds the object by, and lookups
		// how many times a lost create makes it call it.
		lookup  string
		lookups int
		count   func(sandbox.ObjectCounts) int
	}{
		{
			name: "sync",
			create: func(f *fixture, t *testing.T) error {
				cohorts := f.createDestination(t, cohortDestination("cohorts"))
				f.dropWriteResponses()
				s, err := f.client.CreateSync(t.Context(), amplitude.Sync{Kind: "cohort", SourceID: "coh_churn_risk", DestinationID: cohorts.ID, Cadence: "daily", Enabled: true})
				if err == nil && (s.ID == "" || s.SourceID != "coh_churn_risk") {
					t.Errorf("found %+v", s)
				}
				return err
			},
			route:   "POST /amplitude/api/2/syncs",
			lookup:  "GET /amplitude/api/2/syncs",
			lookups: 1,
			count:   func(o sandbox.ObjectCounts) int { return o.Syncs },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			if err := tt.create(f, t); err != nil {
				t.Fatalf("create with a lost response: %v", err)
			}
			f.sandbox.SetFaults(sandbox.Faults{})
			stats := f.stats(t)
			if n := tt.count(stats.Objects); n != 1 {
				t.Errorf("%d objects made, want 1", n)
			}
			if n := stats.Requests.ByRoute[tt.route]; n != 1 {
				t.Errorf("%s sent %d times, want once", tt.route, n)
			}
			if n := stats.Requests.ByRoute[tt.lookup]; n != tt.lookups {
				t.Errorf("%s sent %d times, want %d: the client should have looked the object up", tt.lookup, n, tt.lookups)
			}
		})
	}
}

func (f *fixture) dropWriteResponses() {
	f.sandbox.SetFaults(sandbox.Faults{DropResponseRate: 1})
}
