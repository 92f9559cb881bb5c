// Package testclock is the one settable clock of the test suites: a test
// hands its Now to the sandbox (sandbox.Options.Now) and moves simulated
// time with Advance, to let schedules run or windows pass without waiting.
package testclock

import (
	"context"
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

// Sleep moves the clock forward by d instead of waiting, as if the caller
// had slept; it returns at once, or with ctx's error if ctx has ended. A
// client that paces itself by this clock thereby passes a vendor's window
// on the same clock the sandbox counts it by.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}
