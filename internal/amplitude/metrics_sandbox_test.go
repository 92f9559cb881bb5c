package amplitude_test

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

func TestDeliveryMetricsSummary(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	stream := f.createDestination(t, streamDestination())
	for _, period := range amplitude.DeliveryTimePeriods {
		m, err := f.client.DeliveryMetricsSummary(ctx, stream.ID, period)
		if err != nil {
			t.Fatal(err)
		}
		if m.TimePeriod != period || m.EventsDelivered != m.SuccessOnFirstAttempt+m.SuccessAfterRetry ||
			m.EventsNotDelivered != m.EventsExpired+m.EventsDiscarded || m.DeliveryRate <= 0 || m.DeliveryRate > 1 {
			t.Errorf("%s: %+v", period, m)
		}
		end, err := time.Parse("2006-01-02 15:04:05.000000", m.TimePeriodEnd)
		if err != nil || end.After(f.clock.Now()) {
			t.Errorf("%s ends %q (%v)", period, m.TimePeriodEnd, err)
		}
		again, err := f.client.DeliveryMetricsSummary(ctx, stream.ID, period)
		if err != nil || *again != *m {
			t.Errorf("%s asked twice: %+v, then %+v", period, m, again)
		}
	}

	// Twelve requests spent the API's minute (12 a minute per project).
	f.clock.Advance(time.Minute)
	_, err := f.client.DeliveryMetricsSummary(ctx, "no-such-sync", "ONE_DAY")
	wantAPIError(t, err, http.StatusForbidden)
	// ONE_YEAR is no time_period: the request is off the contract on purpose.
	f.contract.OffContract(func() { _, err = f.client.DeliveryMetricsSummary(ctx, stream.ID, "ONE_YEAR") })
	wantAPIError(t, err, http.StatusBadRequest)
}

// Twenty reads at once, more than the API's minute allows, all succeed
// without a retry: the client waits for the window instead of drawing the
// 429 the sandbox answers past 4 concurrent requests or 12 a minute. The
// client and the sandbox share one clock, which the client's waits move
// on, so the vendor's minute passes without a real one.
func TestDeliveryMetricsReadsWaitForTheWindow(t *testing.T) {
	began := time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC)
	clock := testclock.New(began)
	s := sandbox.New(sandbox.Options{Now: clock.Now})
	ts := httptest.NewServer(contract.Handler(t, s))
	t.Cleanup(ts.Close)
	noRetries := transport.Config{MaxRetries: 0}
	dev, err := developer.New(developer.Config{BaseURL: ts.URL + "/developer-api", AccessToken: sandbox.DeveloperAPIAdminToken, ProjectID: sandbox.AmplitudeProjectID, Transport: noRetries})
	if err != nil {
		t.Fatal(err)
	}
	stream, err := dev.CreateDestination(t.Context(), developer.PartnerBraze, streamDestination())
	if err != nil {
		t.Fatal(err)
	}
	client, err := amplitude.New(amplitude.Config{
		BaseURL: ts.URL + "/amplitude", APIKey: sandbox.AmplitudeAPIKey, SecretKey: sandbox.AmplitudeSecretKey,
		Transport: noRetries, DeliveryMetricsPacer: amplitude.NewDeliveryMetricsPacer(clock),
	})
	if err != nil {
		t.Fatal(err)
	}

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := client.DeliveryMetricsSummary(t.Context(), stream.ID, "ONE_DAY"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if waited := clock.Now().Sub(began); waited < time.Minute {
		t.Errorf("20 reads passed in %v of the vendor's time, less than a minute: the client did not wait", waited)
	}
}
