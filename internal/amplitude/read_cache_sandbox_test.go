package amplitude_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// TestBatchReads reads 30 destinations: the first few one by one, the rest
// from one listing; a write drops the listing so later reads see it.
func TestBatchReads(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	client, err := amplitude.New(amplitude.Config{BaseURL: ts.URL + "/amplitude", APIKey: sandbox.AmplitudeAPIKey,
		SecretKey: sandbox.AmplitudeSecretKey, BatchReads: true, Transport: transport.Config{MaxRetries: 1}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var ids []string
	for i := range 30 {
		d, err := client.CreateDestination(ctx, streamDestination(fmt.Sprintf("d%d", i)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	before := s.Stats().Requests.ByRoute
	for _, id := range ids {
		d, err := client.GetDestination(ctx, id)
		if err != nil || d.ID != id {
			t.Fatalf("GetDestination(%s) = %+v, %v", id, d, err)
		}
	}
	after := s.Stats().Requests.ByRoute
	gets := after["GET /amplitude/api/2/destinations/{id}"] - before["GET /amplitude/api/2/destinations/{id}"]
	lists := after["GET /amplitude/api/2/destinations"] - before["GET /amplitude/api/2/destinations"]
	if gets != 5 || lists != 1 {
		t.Errorf("30 reads took %d single reads and %d listings; want 5 and 1", gets, lists)
	}

	renamed := streamDestination("renamed")
	renamed.Config.APIKey = ""
	if _, err := client.UpdateDestination(ctx, ids[0], renamed); err != nil {
		t.Fatal(err)
	}
	d, err := client.GetDestination(ctx, ids[0])
	if err != nil || d.Name != "renamed" {
		t.Errorf("after a write, read %+v, %v; want the new name", d, err)
	}
	if err := client.DeleteDestination(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := client.GetDestination(ctx, ids[1]); !amplitude.IsNotFound(err) {
		t.Errorf("a deleted destination read as %v; want not found", err)
	}
}
