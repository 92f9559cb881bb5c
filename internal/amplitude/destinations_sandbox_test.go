package amplitude_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

func TestDestinationLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	stream := f.createDestination(t, streamDestination("braze-prod-stream"))
	cohorts := f.createDestination(t, cohortDestination("braze-prod-cohorts"))
	if stream.ID == "" || stream.CreatedAt == "" || !amplitude.MaskMatches(stream.Config.APIKey, "sandbox-braze-admin-key") {
		t.Fatalf("created %+v", stream)
	}
	if got := cohorts.Config.Secret(cohorts.Type); !amplitude.MaskMatches(got, "import-key-1234") {
		t.Errorf("cohort destination secret %q", got)
	}

	read, err := f.client.GetDestination(ctx, stream.ID)
	if err != nil || read.Name != "braze-prod-stream" || read.Mapping.BrazeIdentifier != "external_id" || !read.SendEvents.AllEvents {
		t.Fatalf("read %+v, %v", read, err)
	}

	// An update as a provider sends it: the masked secret left out, so the
	// stored one is kept.
	read.Name = "braze-stream"
	read.Enabled = false
	read.Config.APIKey = ""
	updated, err := f.client.UpdateDestination(ctx, stream.ID, *read)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "braze-stream" || updated.Enabled || !amplitude.MaskMatches(updated.Config.APIKey, "sandbox-braze-admin-key") {
		t.Errorf("updated %+v", updated)
	}

	all, err := f.client.ListDestinations(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("list %v, %v", all, err)
	}
	found, ok, err := f.client.FindDestinationByName(ctx, "braze-prod-cohorts")
	if err != nil || !ok || found.ID != cohorts.ID {
		t.Fatalf("find %+v %v %v", found, ok, err)
	}

	_, err = f.client.CreateDestination(ctx, cohortDestination("braze-stream"))
	if !amplitude.IsConflict(err) {
		t.Errorf("a second destination of the same name: %v, want a conflict", err)
	}

	if err := f.client.DeleteDestination(ctx, stream.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.GetDestination(ctx, stream.ID); !amplitude.IsNotFound(err) {
		t.Errorf("read after delete: %v, want not found", err)
	}
	if err := f.client.DeleteDestination(ctx, stream.ID); err != nil {
		t.Errorf("deleting a deleted destination: %v", err)
	}
}

// The client asks for pages of 1000, the endpoint's largest, and follows
// next_cursor.
func TestDestinationListAcrossPages(t *testing.T) {
	f := newFixture(t)
	for i := range 1005 {
		f.createDestination(t, cohortDestination(fmt.Sprintf("cohorts-%04d", i)))
	}
	all, err := f.client.ListDestinations(t.Context())
	if err != nil || len(all) != 1005 || all[1004].Name != "cohorts-1004" {
		t.Fatalf("listed %d destinations, %v", len(all), err)
	}
	if got := f.stats(t).Requests.ByRoute["GET /amplitude/api/2/destinations"]; got != 2 {
		t.Errorf("%d list requests, want 2 pages", got)
	}
}

func TestDestinationRefusalsReachTheCaller(t *testing.T) {
	f := newFixture(t)
	d := streamDestination("bad")
	d.Config.AppID = "not-a-uuid"
	d.Config.Endpoint = "https://braze.example.com"
	_, err := f.client.CreateDestination(t.Context(), d)
	if messages := wantAPIError(t, err, http.StatusBadRequest); len(messages) != 2 {
		t.Errorf("messages %q, want one per problem", messages)
	}
}
