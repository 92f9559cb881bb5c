package amplitude_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

func TestSyncLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	stream := f.createDestination(t, streamDestination())

	created, err := f.client.CreateSync(ctx, amplitude.Sync{
		Kind: "user_property", SourceID: "plan", DestinationID: stream.ID, Cadence: "hourly", Enabled: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == "" || created.Name != "user_property plan → stream" || created.Status != "scheduled" ||
		created.LastRunAt != nil || created.BrazeAttribute == nil || *created.BrazeAttribute != "plan" {
		t.Fatalf("created %+v", created)
	}

	f.clock.Advance(time.Hour)
	read, err := f.client.GetSync(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if read.Status != "active" || read.LastRunAt == nil || *read.LastRunAt != "2026-03-04T06:06:07Z" {
		t.Errorf("an hour later %+v", read)
	}

	// An update as a provider sends it: the read, edited.
	read.Name = "plan to Braze"
	read.Cadence = "daily"
	read.Enabled = false
	updated, err := f.client.UpdateSync(ctx, created.ID, *read)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "plan to Braze" || updated.Cadence != "daily" || updated.Enabled || updated.Status != "paused" || updated.CreatedAt != created.CreatedAt {
		t.Errorf("updated %+v", updated)
	}

	found, ok, err := f.client.FindSync(ctx, "user_property", "plan", stream.ID)
	if err != nil || !ok || found.ID != created.ID {
		t.Fatalf("find %+v %v %v", found, ok, err)
	}
	if _, ok, err := f.client.FindSync(ctx, "computation", "plan", stream.ID); err != nil || ok {
		t.Errorf("found a sync that does not exist: %v %v", ok, err)
	}

	if err := f.client.DeleteSync(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.GetSync(ctx, created.ID); !amplitude.IsNotFound(err) {
		t.Errorf("read after delete: %v", err)
	}
	if err := f.client.DeleteSync(ctx, created.ID); err != nil {
		t.Errorf("deleting a deleted sync: %v", err)
	}
}

func TestSyncRules(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	stream := f.createDestination(t, streamDestination())
	cohorts := f.createDestination(t, cohortDestination("cohorts"))

	cohortSync, err := f.client.CreateSync(ctx, amplitude.Sync{
		Name: "power users", Kind: amplitude.SyncKindCohort, SourceID: "coh_power_users", DestinationID: cohorts.ID, Cadence: amplitude.CadenceRealtime, Enabled: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if cohortSync.BrazeAttribute != nil {
		t.Errorf("a cohort sync writes attribute %q", *cohortSync.BrazeAttribute)
	}
	for _, s := range []amplitude.Sync{
		{Kind: "user_property", SourceID: "plan", DestinationID: stream.ID, Cadence: amplitude.CadenceRealtime},
		{Kind: "cohort", SourceID: "coh_power_users", DestinationID: stream.ID, Cadence: "daily"},
		{Kind: "computation", SourceID: "cmp_nope", DestinationID: stream.ID, Cadence: "daily"},
	} {
		_, err := f.client.CreateSync(ctx, s)
		wantAPIError(t, err, http.StatusBadRequest)
	}
	_, err = f.client.CreateSync(ctx, amplitude.Sync{Kind: amplitude.SyncKindCohort, SourceID: "coh_power_users", DestinationID: cohorts.ID, Cadence: "hourly"})
	if !amplitude.IsConflict(err) {
		t.Errorf("a second sync of the same triple: %v, want a conflict", err)
	}
	cohortSync.SourceID = "coh_churn_risk"
	_, err = f.client.UpdateSync(ctx, cohortSync.ID, *cohortSync)
	wantAPIError(t, err, http.StatusBadRequest)

	for _, id := range []string{"plan", "country", "ltv"} {
		if _, err := f.client.CreateSync(ctx, amplitude.Sync{Kind: "user_property", SourceID: id, DestinationID: stream.ID, Cadence: "daily", Enabled: true}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := f.client.ListSyncs(ctx)
	if err != nil || len(all) != 4 {
		t.Fatalf("list %d syncs, %v", len(all), err)
	}
}
