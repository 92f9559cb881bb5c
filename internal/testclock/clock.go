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
