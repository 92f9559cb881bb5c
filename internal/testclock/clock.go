// Package testclock is the one settable clock of the test suites: a test
// hands its Now to the sandbox (sandbox.Options.Now) and moves simulated
// time with Advance, to let schedules run or windows pass without waiting.
package testclock

import (
	"sync"
	"time"
)

// Clock is a time source that moves only when told to.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// New returns a clock stopped at start.
func New(start time.Time) *Clock { return &Clock{now: start} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Accelerated is a time source that runs factor times faster than real
// time from start. A sandbox on it sees a vendor's minute pass in a fraction
// of a second, for tests of clients that wait in real time for a window
// that the sandbox counts in its own time.
func Accelerated(start time.Time, factor float64) func() time.Time {
	began := time.Now()
	return func() time.Time {
		return start.Add(time.Duration(float64(time.Since(began)) * factor))
	}
}
