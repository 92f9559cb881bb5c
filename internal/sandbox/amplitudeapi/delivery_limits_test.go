package amplitudeapi_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/amplitudeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

const metricsPath = "/amplitude/api/2/event-streaming/delivery-metrics-summary"

// wantTooMany checks a delivery-metrics 429: the Basic-auth APIs' error
// shape, and neither Retry-After nor rate-limit headers, which Amplitude
// documents none of for this API.
func wantTooMany(t *testing.T, r sandboxtest.Response, message string) {
	t.Helper()
	r.WantAmplitudeError(t, http.StatusTooManyRequests, message)
	for name := range r.Header {
		if lower := strings.ToLower(name); lower == "retry-after" || strings.HasPrefix(lower, "x-ratelimit") {
			t.Errorf("header %s: Amplitude documents no such header here", name)
		}
	}
}

// Twelve requests a minute per project, whatever they ask: a refused one
// counts too, an unauthenticated one names no project and does not.
func TestDeliveryMetricsRequestsPerMinute(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	query := url.Values{"sync_id": {stream}, "time_period": {"ONE_HOUR"}}
	f.metrics(url.Values{"time_period": {"ONE_HOUR"}}).WantStatus(t, http.StatusBadRequest)
	f.Send("GET", metricsPath+"?"+query.Encode(), nil, sandboxtest.Bearer("nope")).WantStatus(t, http.StatusUnauthorized)
	for range 11 {
		f.metrics(query).WantStatus(t, http.StatusOK)
	}
	// The clock is at 05:06:07.5; the minute's window resets at 05:07:00.
	wantTooMany(t, f.metrics(query), "Too many requests: delivery metrics take 12 requests per minute per project")
	// Other endpoints of the API have no such limit.
	f.Amplitude("GET", "/api/2/syncs", nil).WantStatus(t, http.StatusOK)

	// At 05:06:59.5 the minute is not over yet.
	f.Clock.Advance(52 * time.Second)
	wantTooMany(t, f.metrics(query), "delivery metrics take 12 requests per minute per project")
	f.Clock.Advance(time.Second)
	for range 12 {
		f.metrics(query).WantStatus(t, http.StatusOK)
	}
	f.metrics(query).WantStatus(t, http.StatusTooManyRequests)

	t.Run("reset starts the minute afresh", func(t *testing.T) {
		f.Control("POST", "/reset", nil).WantStatus(t, http.StatusOK)
		stream, _ := f.Destinations()
		f.metrics(url.Values{"sync_id": {stream}, "time_period": {"ONE_HOUR"}}).WantStatus(t, http.StatusOK)
	})
}

// Four requests in flight per project: a fifth is refused at once, and
// does not count against the minute.
func TestDeliveryMetricsConcurrentRequests(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	query := url.Values{"sync_id": {stream}, "time_period": {"ONE_HOUR"}}
	arrived, release := make(chan struct{}, 4), make(chan struct{})
	amplitudeapi.HoldDeliveryMetrics(f.Parts.Amplitude, func() {
		arrived <- struct{}{}
		<-release
	})
	var wg sync.WaitGroup
	statuses := make(chan int, 4)
	for range 4 {
		wg.Go(func() {
			r, err := f.Try("GET", metricsPath+"?"+query.Encode(), nil, sandboxtest.AmplitudeAuth)
			if err != nil {
				t.Error(err)
				return
			}
			statuses <- r.Status
		})
	}
	for range 4 {
		<-arrived
	}
	wantTooMany(t, f.metrics(query), "Too many requests: delivery metrics take 4 concurrent requests per project")

	amplitudeapi.HoldDeliveryMetrics(f.Parts.Amplitude, nil)
	close(release)
	wg.Wait()
	close(statuses)
	for status := range statuses {
		if status != http.StatusOK {
			t.Errorf("a request held in flight answered %d", status)
		}
	}
	// Four of the minute's twelve are spent; the refused fifth is not.
	for range 8 {
		f.metrics(query).WantStatus(t, http.StatusOK)
	}
	f.metrics(query).WantStatus(t, http.StatusTooManyRequests)
}
