package amplitude_test

import (
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

func TestListCohorts(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	cohorts := f.createDestination(t, cohortDestination("cohorts"))
	other := f.createDestination(t, cohortDestination("cohorts once"))
	for _, s := range []amplitude.Sync{
		{Kind: "cohort", SourceID: "coh_power_users", DestinationID: cohorts.ID, Cadence: "hourly", Enabled: true},
		{Kind: "cohort", SourceID: "coh_power_users", DestinationID: other.ID, Cadence: "one_time", Enabled: true},
	} {
		if _, err := f.client.CreateSync(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	f.clock.Advance(time.Hour)

	list, err := f.client.ListCohorts(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("cohorts %+v, %v", list, err)
	}
	power := list[0]
	if power.ID != "coh_power_users" || power.Name != "Power users" || power.Size != 18250 || power.Archived ||
		power.Description == nil || len(power.Owners) != 1 || power.LastComputed == nil {
		t.Errorf("cohort %+v", power)
	}
	if got := time.Unix(*power.LastComputed, 0).UTC(); !got.Equal(time.Date(2026, 3, 4, 4, 0, 0, 0, time.UTC)) {
		t.Errorf("last computed %v", got)
	}
	// The one-time sync is left out, as documented.
	if len(power.SyncMetadata) != 1 {
		t.Fatalf("sync metadata %+v", power.SyncMetadata)
	}
	m := power.SyncMetadata[0]
	if m.Target != "braze" || m.Frequency != "hourly" || m.LastFailure != nil ||
		m.LastSuccessful == nil || *m.LastSuccessful != "2026-03-04T06:06:07.000000+00:00" {
		t.Errorf("sync metadata %+v", m)
	}
	if len(list[1].SyncMetadata) != 0 {
		t.Errorf("churn risk has sync metadata %+v", list[1].SyncMetadata)
	}
}
