package amplitude

import (
	"context"
	"sync"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// RequestLimits bound how a client calls one endpoint: at most Concurrent
// requests in flight, and at most PerWindow of them in any Window.
type RequestLimits struct {
	Concurrent int
	PerWindow  int
	Window     time.Duration
}

// DeliveryMetricsLimits are the delivery metrics API's documented limits:
// 4 concurrent requests and 12 a minute per project; Amplitude answers 429
// past them, without saying when to come back
// (amplitude.com/docs/apis/analytics/event-streaming-metrics).
var DeliveryMetricsLimits = RequestLimits{Concurrent: 4, PerWindow: 12, Window: time.Minute}

// limiter makes a client wait for a free slot instead of sending a request
// that Amplitude would answer with 429. A configuration that reads more
// metrics than one minute allows then plans more slowly, instead of failing.
// It keeps a sliding window rather than a token bucket
// (golang.org/x/time/rate), because a bucket that allows a burst of 12 also
// allows 12 more over the following minute, which the vendor refuses.
type limiter struct {
	limits   RequestLimits
	clock    Clock
	inFlight chan struct{}

	mu sync.Mutex
	// finished holds when each of the last requests got its answer, oldest
	// first. A request counts from its answer, not from when it was sent:
	// by then the server has surely counted it, however slow the network,
	// so the window never closes early on the server's side.
	finished []time.Time
	started  int
}

func newLimiter(limits RequestLimits, clock Clock) *limiter {
	return &limiter{limits: limits, clock: clock, inFlight: make(chan struct{}, limits.Concurrent)}
}

// acquire waits for a slot; the caller calls release when the answer is in.
func (l *limiter) acquire(ctx context.Context) (release func(), err error) {
	select {
	case l.inFlight <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	for {
		wait := l.reserve(l.clock.Now())
		if wait == 0 {
			return l.release, nil
		}
		if err := l.clock.Sleep(ctx, wait); err != nil {
			<-l.inFlight
			return nil, err
		}
	}
}

// reserve takes a place in the window and returns 0, or, when the window is
// full, returns how long to wait before a place frees up.
func (l *limiter) reserve(now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.finished) > 0 && !now.Before(l.finished[0].Add(l.limits.Window)) {
		l.finished = l.finished[1:]
	}
	if len(l.finished)+l.started < l.limits.PerWindow {
		l.started++
		return 0
	}
	if len(l.finished) == 0 {
		// Every place is held by a request still in flight, so there is no
		// finished request whose window could end. One of them will answer
		// soon and its window starts then, so check again after a short
		// while.
		return l.limits.Window / 60
	}
	return l.finished[0].Add(l.limits.Window).Sub(now)
}

// DeliveryMetricsPacer keeps delivery metrics reads within the vendor's
// limits. A provider makes one for its process and gives it to every client
// it configures, so that all the reads the process makes count against the
// same per-minute limit. Without that, a test that plans twice in one
// process, on a clock that only moves when something sleeps, would start
// its second plan with a fresh count while the sandbox still counts the
// first plan's reads, and the sandbox would answer 429.
type DeliveryMetricsPacer struct {
	limiter *limiter
}

// NewDeliveryMetricsPacer returns a pacer that measures time by clock, or
// by the real clock when clock is nil.
func NewDeliveryMetricsPacer(clock Clock) *DeliveryMetricsPacer {
	if clock == nil {
		clock = realClock{}
	}
	return &DeliveryMetricsPacer{limiter: newLimiter(DeliveryMetricsLimits, clock)}
}

// Clock is the time a client paces itself by. Tests give the pacer the
// sandbox's clock, whose Sleep moves time on instead of waiting, so pacing
// is checked without a timer.
type Clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error { return transport.Sleep(ctx, d) }

func (l *limiter) release() {
	l.mu.Lock()
	l.started--
	l.finished = append(l.finished, l.clock.Now())
	l.mu.Unlock()
	<-l.inFlight
}
