package amplitude_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// TestBatchReads reads 30 syncs: the first few one by one, the rest from one
// listing; a write drops the listing so later reads see it.
func TestBatchReads(t *testing.T) {
	f := newFixture(t)
	s := f.sandbox
	ts := httptest.NewServer(contract.Handler(t, s))
	t.Cleanup(ts.Close)
	client, err := amplitude.New(amplitude.Config{BaseURL: ts.URL + "/amplitude", APIKey: sandbox.AmplitudeAPIKey,
		SecretKey: sandbox.AmplitudeSecretKey, BatchReads: true, Transport: transport.Config{MaxRetries: 1}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var ids []string
	for i := range 30 {
		dest := f.createDestination(t, cohortDestination(fmt.Sprintf("d%d", i)))
		created, err := client.CreateSync(ctx, amplitude.Sync{Kind: "cohort", SourceID: "coh_power_users", DestinationID: dest.ID, Cadence: "daily", Enabled: true})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, created.ID)
	}
	before := s.Stats().Requests.ByRoute
	for _, id := range ids {
		got, err := client.GetSync(ctx, id)
		if err != nil || got.ID != id {
			t.Fatalf("GetSync(%s) = %+v, %v", id, got, err)
		}
	}
	after := s.Stats().Requests.ByRoute
	gets := after["GET /amplitude/api/2/syncs/{id}"] - before["GET /amplitude/api/2/syncs/{id}"]
	lists := after["GET /amplitude/api/2/syncs"] - before["GET /amplitude/api/2/syncs"]
	if gets != 5 || lists != 1 {
		t.Errorf("30 reads took %d single reads and %d listings; want 5 and 1", gets, lists)
	}

	first, err := client.GetSync(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	first.Cadence = "hourly"
	if _, err := client.UpdateSync(ctx, ids[0], *first); err != nil {
		t.Fatal(err)
	}
	got, err := client.GetSync(ctx, ids[0])
	if err != nil || got.Cadence != "hourly" {
		t.Errorf("after a write, read %+v, %v; want the new cadence", got, err)
	}
	if err := client.DeleteSync(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := client.GetSync(ctx, ids[1]); !amplitude.IsNotFound(err) {
		t.Errorf("a deleted sync read as %v; want not found", err)
	}
}
