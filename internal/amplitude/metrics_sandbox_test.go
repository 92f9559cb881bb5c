package amplitude_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

func TestDeliveryMetricsSummary(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	stream := f.createDestination(t, streamDestination("stream"))
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
	f.clock.advance(time.Minute)
	_, err := f.client.DeliveryMetricsSummary(ctx, "no-such-sync", "ONE_DAY")
	wantAPIError(t, err, http.StatusForbidden)
	_, err = f.client.DeliveryMetricsSummary(ctx, stream.ID, "ONE_YEAR")
	wantAPIError(t, err, http.StatusBadRequest)
}
