package core

import (
	"math"
	"sync"
	"time"
)

// Window counts requests in fixed windows aligned to the clock, the way
// Braze reports its limits (braze.com/docs/api/api_limits): a limit, what is
// left of it, and the time at which the window resets. That the windows are
// fixed and aligned, not sliding, is the sandbox's choice.
type Window struct {
	mu sync.Mutex
	// limit of 0 admits everything and reports nothing.
	limit  int
	period time.Duration
	start  time.Time
	used   int
}

// Quota is a window's state after a request.
type Quota struct {
	Limit     int
	Remaining int
	Reset     time.Time
}

// Configure sets the limit per period and starts the count afresh; a limit
// of 0 admits everything.
func (w *Window) Configure(limit int, period time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.limit, w.period = limit, period
	w.start, w.used = time.Time{}, 0
}

// Take counts one request and reports the quota after it; admitted is false
// once the window's limit is spent, and such a request is not counted.
func (w *Window) Take(now time.Time) (q Quota, admitted bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.limit == 0 {
		return Quota{}, true
	}
	start := now.Truncate(w.period)
	if !start.Equal(w.start) {
		w.start, w.used = start, 0
	}
	q = Quota{Limit: w.limit, Reset: start.Add(w.period)}
	if w.used >= w.limit {
		return q, false
	}
	w.used++
	q.Remaining = w.limit - w.used
	return q, true
}

// RetryAfter returns the whole seconds from now until the window resets, at
// least 1. The rate-limit fault's 429 sends it in Retry-After or in
// retry_after_seconds.
func (q Quota) RetryAfter(now time.Time) int {
	return max(1, int(math.Ceil(q.Reset.Sub(now).Seconds())))
}
