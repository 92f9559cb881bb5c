package amplitudeapi

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The event-streaming delivery metrics summary
// (amplitude.com/docs/apis/analytics/event-streaming-metrics). The sandbox
// streams no events, so the figures are made up: drawn from a hash of the
// destination and the period, they are the same for the same question, and
// they add up the way real ones do.

// deliveryMetricsSummary answers for one event-streaming destination, whose
// id is passed as sync_id. Any other id gets the documented 403, the same
// answer a sync of another project gets.
func (a *API) deliveryMetricsSummary(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	syncID, timePeriod := q.Get("sync_id"), q.Get("time_period")
	start, end, err := deliveryWindow(q, timePeriod, a.sb.Now())
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	var streams bool
	a.store.Read(func(tx *core.Tx) {
		d, found := a.destinations.Destination(tx, syncID)
		streams = found && d.Streams()
	})
	if !streams {
		core.Fail(a, w, r, core.Refuse(http.StatusForbidden,
			"Forbidden: attempt to access sync outside of organization and app. %q is not an event streaming destination of this project", syncID))
		return
	}
	core.WriteJSON(w, http.StatusOK, deliveryMetrics(syncID, timePeriod, start, end))
}

// deliveryPeriods are the spans of the named time_period values, ending
// now; CUSTOM takes start and end instead. The document already limits
// time_period to the documented values.
var deliveryPeriods = map[string]time.Duration{
	"TEN_MINUTES": 10 * time.Minute,
	"ONE_HOUR":    time.Hour,
	"FOUR_HOURS":  4 * time.Hour,
	"ONE_DAY":     24 * time.Hour,
	"ONE_WEEK":    7 * 24 * time.Hour,
	"TWO_WEEKS":   14 * 24 * time.Hour,
}

// "The last 4 hours are accurate to the minute; older data is aggregated
// hourly", and the data is kept 90 days (the same page, "Considerations").
const (
	minuteAccuracy    = 4 * time.Hour
	deliveryRetention = 90 * 24 * time.Hour
)

// deliveryWindow returns the period a request asks about. For a named
// period it is the span ending now, rounded to the accuracy the data has at
// that age. For CUSTOM it runs from start (inclusive) to end (exclusive).
func deliveryWindow(q url.Values, timePeriod string, now time.Time) (start, end time.Time, err error) {
	if span, named := deliveryPeriods[timePeriod]; named {
		if q.Has("start") || q.Has("end") {
			// The docs require start and end with CUSTOM and say nothing of
			// them with another period; refusing them is the sandbox's own
			// choice.
			return start, end, core.Refuse(http.StatusBadRequest, "start and end are only for time_period CUSTOM")
		}
		accuracy := time.Minute
		if span > minuteAccuracy {
			accuracy = time.Hour
		}
		end = now.Truncate(accuracy)
		return end.Add(-span), end, nil
	}
	var problems core.FieldProblems
	start = parseDeliveryTime(&problems, q, "start")
	end = parseDeliveryTime(&problems, q, "end")
	switch {
	case len(problems) > 0:
		return start, end, problems.Err(http.StatusBadRequest, "")
	case !start.Before(end):
		// Undocumented; the sandbox refuses an empty or reversed period.
		return start, end, core.Refuse(http.StatusBadRequest, "start %s must be before end %s", q.Get("start"), q.Get("end"))
	case start.Before(now.Add(-deliveryRetention)):
		// The documented answer to a period outside the retention.
		return start, end, core.Refuse(http.StatusInternalServerError, "start %s is outside the 90-day retention of delivery metrics", q.Get("start"))
	}
	return start, end, nil
}

// parseDeliveryTime reads a CUSTOM bound, documented as YYYY-MM-DDThh:mmTZD
// with the example 2022-10-01T07:00:00+01:00, so seconds are optional.
func parseDeliveryTime(p *core.FieldProblems, q url.Values, name string) time.Time {
	value := q.Get(name)
	if value == "" {
		p.Add(name, core.ProblemRequired, "%s is required for time_period CUSTOM: an ISO-8601 time such as 2022-10-01T07:00:00+01:00", name)
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, value); err == nil {
			return t
		}
	}
	hint := ""
	if strings.Contains(value, " ") {
		hint = " (a + in the offset must be URL-encoded as %2B)"
	}
	p.Add(name, core.ProblemInvalidValue, "%s %q is not an ISO-8601 time such as 2022-10-01T07:00:00+01:00%s", name, value, hint)
	return time.Time{}
}

// deliveryMetrics summarises the deliveries of the destination syncID in
// [start, end): 20 to 499 events a minute, of which under 2% expire after
// their retries and under 1% are discarded as invalid, under 5% of the rest
// succeeding only on a retry. Times are written as the docs' sample writes
// them, "2022-10-01 06:00:00.000000": UTC without a zone.
func deliveryMetrics(syncID, timePeriod string, start, end time.Time) map[string]any {
	seed := sha256.Sum256(fmt.Appendf(nil, "%s|%s|%d|%d", syncID, timePeriod, start.Unix(), end.Unix()))
	draw := func(i int, n uint32) int64 { return int64(binary.BigEndian.Uint32(seed[4*i:]) % n) }
	round := func(x float64, places int) float64 { return math.Round(x*math.Pow10(places)) / math.Pow10(places) }

	perMinute := 20 + draw(0, 480)
	total := perMinute * int64(end.Sub(start)/time.Second) / 60
	expired := total * draw(1, 20) / 1000
	discarded := total * draw(2, 10) / 1000
	delivered := total - expired - discarded
	afterRetry := delivered * draw(3, 50) / 1000
	rate := 1.0 // With no events, none was lost.
	if total > 0 {
		rate = round(float64(delivered)/float64(total), 4)
	}
	const layout = "2006-01-02 15:04:05.000000"
	return map[string]any{
		"timePeriod": timePeriod, "eventsDelivered": delivered, "eventsNotDelivered": expired + discarded,
		"deliveryRate": rate, "latencyInSeconds": round(0.2+float64(draw(4, 3000))/1000, 3),
		"timePeriodStart": start.UTC().Format(layout), "timePeriodEnd": end.UTC().Format(layout),
		"successOnFirstAttempt": delivered - afterRetry, "successAfterRetry": afterRetry,
		"eventsExpired": expired, "eventsDiscarded": discarded,
	}
}

// The delivery metrics' limits. The docs ("Limits") say: "The API has a
// limit of 4 concurrent requests per project, and 12 requests per minute
// per project. Amplitude rejects requests above this threshold with a 429
// status code." Where they say no more, the sandbox chooses:
//
//   - Every request that passed authentication counts, valid or not, as
//     the credentials are what name the project. The sandbox has one
//     project, so one set of limits.
//   - The minute is a window aligned to the clock's minutes, not a sliding
//     sixty seconds, the way the sandbox counts every limit.
//   - A request over either limit is refused at once, not queued, and does
//     not count against the minute.
//   - The 429 says which limit it met and promises no wait, with no
//     Retry-After or rate-limit header: the docs give none, so a client
//     must pace itself.
const (
	deliveryConcurrency = 4
	deliveryPerMinute   = 12
)

type deliveryLimits struct {
	mu       sync.Mutex
	inFlight int
	minute   core.Window
	// hold is nil outside tests. When set, it is called while a request
	// holds its slot, so that a test can keep requests in flight.
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

// limitDeliveries serves next only within the delivery metrics' limits, and
// answers 429 past them.
func (a *API) limitDeliveries(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := a.deliveries
		l.mu.Lock()
		var refusal *core.APIError
		if l.inFlight >= deliveryConcurrency {
			refusal = core.Refuse(http.StatusTooManyRequests,
				"Too many requests: delivery metrics take %d concurrent requests per project", deliveryConcurrency)
		} else if _, admitted := l.minute.Take(a.sb.Now()); !admitted {
			refusal = core.Refuse(http.StatusTooManyRequests,
				"Too many requests: delivery metrics take %d requests per minute per project", deliveryPerMinute)
		} else {
			l.inFlight++
		}
		hold := l.hold
		l.mu.Unlock()
		if refusal != nil {
			a.WriteError(w, r, refusal)
			return
		}
		defer func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			l.inFlight--
		}()
		if hold != nil {
			hold()
		}
		next.ServeHTTP(w, r)
	})
}
