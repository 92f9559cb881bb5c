package sandbox

import (
	"sync"
	"time"
)

// window counts requests in fixed windows aligned to the clock, the way
// Braze reports its limits: a limit, what is left of it, and the epoch second
// at which the window resets.
type window struct {
	mu sync.Mutex
	// limit of 0 admits everything and reports nothing.
	limit  int
	period time.Duration
	start  time.Time
	used   int
}

type quota struct {
	limit     int
	remaining int
	reset     time.Time
}

func (w *window) configure(limit int, period time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.limit, w.period = limit, period
	w.start, w.used = time.Time{}, 0
}

// take counts one request and reports the quota after it; admitted is false
// once the window's limit is spent, and such a request is not counted.
func (w *window) take(now time.Time) (q quota, admitted bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.limit == 0 {
		return quota{}, true
	}
	start := now.Truncate(w.period)
	if !start.Equal(w.start) {
		w.start, w.used = start, 0
	}
	q = quota{limit: w.limit, reset: start.Add(w.period)}
	if w.used >= w.limit {
		return q, false
	}
	w.used++
	q.remaining = w.limit - w.used
	return q, true
}
