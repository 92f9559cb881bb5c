package amplitudeapi

import (
	"net/http"
	"sync"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The delivery metrics' limits. The docs
// (amplitude.com/docs/apis/analytics/event-streaming-metrics, "Limits")
// say: "The API has a limit of 4 concurrent requests per project, and 12
// requests per minute per project. Amplitude rejects requests above this
// threshold with a 429 status code." They say nothing more, so where they
// are silent the sandbox chooses:
//
//   - What counts: every request that passed authentication, valid or
//     not, as the credentials are what name the project; a 401 names none.
//     The sandbox has one project, so one set of limits.
//   - The minute is a fixed window aligned to the clock's minutes, as the
//     sandbox counts every limit, not a sliding sixty seconds.
//   - A request over either limit is refused at once, not queued, and does
//     not count against the minute.
//   - The 429 has the shape of the Basic-auth APIs' errors, {"success":
//     false, "errors": [{"message"}]}, and its message names the limit
//     passed, without promising a wait: the docs give none.
//   - No Retry-After and no X-RateLimit-* headers: Amplitude documents
//     none for this API, so a client must pace itself, not wait for one.
const (
	deliveryConcurrency = 4
	deliveryPerMinute   = 12
)

// deliveryLimits counts the delivery-metrics requests in flight and in the
// current minute.
type deliveryLimits struct {
	mu       sync.Mutex
	inFlight int
	minute   core.Window
	// hold, nil outside tests, is called while a request holds its slot:
	// how a test keeps requests in flight.
	hold func()
}

func newDeliveryLimits() *deliveryLimits {
	l := &deliveryLimits{}
	l.reset()
	return l
}

// reset starts the minute afresh; requests in flight keep their slots
// until they are answered.
func (l *deliveryLimits) reset() {
	l.minute.Configure(deliveryPerMinute, time.Minute)
}

// take admits a request at now, returning what frees its slot once it is
// answered, or refuses it.
func (l *deliveryLimits) take(now time.Time) (release func(), refusal *core.APIError) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.inFlight >= deliveryConcurrency {
		return nil, core.Refuse(http.StatusTooManyRequests,
			"Too many requests: delivery metrics take %d concurrent requests per project", deliveryConcurrency)
	}
	if q, admitted := l.minute.Take(now); !admitted {
		return nil, core.Refuse(http.StatusTooManyRequests,
			"Too many requests: delivery metrics take %d requests per minute per project", q.Limit)
	}
	l.inFlight++
	return func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.inFlight--
	}, nil
}

// limitDeliveries serves next within the delivery metrics' limits.
func (a *API) limitDeliveries(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		release, refusal := a.deliveries.take(a.sb.Now())
		if refusal != nil {
			a.vendor.WriteError(w, r, refusal)
			return
		}
		defer release()
		a.deliveries.mu.Lock()
		hold := a.deliveries.hold
		a.deliveries.mu.Unlock()
		if hold != nil {
			hold()
		}
		next.ServeHTTP(w, r)
	})
}
