package amplitude_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// These tests drive the client against the sandbox, which emulates
// Amplitude by its documentation (api/amplitude-basic.openapi.yaml): the two
// are written apart, and the fixture checks every request and answer against
// that document, so a test that passes shows they agree on the wire.

type fixture struct {
	sandbox *sandbox.Server
	// contract checks every request and answer against the documents in
	// api/.
	contract *contract.Checker
	url      string
	client   *amplitude.Client
	// developer makes the destinations syncs write to: they live on the
	// Developer API.
	developer *developer.Client
	clock     *testclock.Clock
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	c := testclock.New(time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC))
	s := sandbox.New(sandbox.Options{Now: c.Now})
	checker := contract.Handler(t, s)
	ts := httptest.NewServer(checker)
	t.Cleanup(ts.Close)
	fast := transport.Config{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond}
	client, err := amplitude.New(amplitude.Config{
		BaseURL:   ts.URL + "/amplitude",
		APIKey:    sandbox.AmplitudeAPIKey,
		SecretKey: sandbox.AmplitudeSecretKey,
		Transport: fast,
		// The client paces delivery metrics on the sandbox's clock.
		DeliveryMetricsPacer: amplitude.NewDeliveryMetricsPacer(c),
	})
	if err != nil {
		t.Fatal(err)
	}
	dev, err := developer.New(developer.Config{BaseURL: ts.URL + "/developer-api", AccessToken: sandbox.DeveloperAPIAdminToken, ProjectID: sandbox.AmplitudeProjectID, Transport: fast})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{sandbox: s, contract: checker, url: ts.URL, client: client, developer: dev, clock: c}
}

// streamDestination is a Braze event-streaming destination named stream that
// sends users, the kind user-property and computation syncs write to.
func streamDestination() developer.DestinationSpec {
	return developer.BrazeStream{
		Endpoint:       "https://rest.iad-05.braze.com",
		APIKey:         sandbox.BrazeAdminKey,
		AppID:          sandbox.BrazeAppID,
		UserIDMapping:  developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
		Events:         &developer.BrazeEvents{},
		UserProperties: []string{"plan"},
	}.Spec("stream", true)
}

// cohortDestination is a Braze cohort destination, the kind cohort syncs
// write to.
func cohortDestination(name string) developer.DestinationSpec {
	return developer.BrazeCohort{
		Endpoint:           "https://rest.fra-01.braze.eu",
		DataImportKey:      "import-key-1234",
		IdentifierMappings: []developer.IdentifierMapping{{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"}},
	}.Spec(name)
}

func (f *fixture) createDestination(t *testing.T, spec developer.DestinationSpec) *developer.Destination {
	t.Helper()
	created, err := f.developer.CreateDestination(t.Context(), developer.PartnerBraze, spec)
	if err != nil {
		t.Fatal(err)
	}
	return created
}

// wantAPIError checks that err is Amplitude's answer with status.
func wantAPIError(t *testing.T, err error, status int) {
	t.Helper()
	var apiErr *amplitude.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != status {
		t.Fatalf("error %v, want an APIError with status %d", err, status)
	}
}

// stats reads the sandbox's statistics through its control endpoint.
func (f *fixture) stats(t *testing.T) sandbox.Stats {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, f.url+"/_sandbox/stats", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var stats sandbox.Stats
	if err := json.NewDecoder(resp.Body).Decode(&stats); err != nil {
		t.Fatal(err)
	}
	return stats
}
