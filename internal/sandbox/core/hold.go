package core

import (
	"context"
	"sync"
)

// writeHold parks vendor writes once a set number have passed, until they
// are released. A test that must stop a client part-way through a run of
// writes (an interrupted terraform apply) sets it, waits until a write is
// parked, acts, then releases: the sandbox decides where the run stops, not
// a timer racing the client.
type writeHold struct {
	mu sync.Mutex
	// after is how many writes pass before the hold parks the rest; 0 turns
	// the hold off.
	after  int
	passed int
	parked int
	// released is closed to let the writes parked now go on.
	released chan struct{}
	// parkedChanged is closed, and replaced, whenever parked changes, to
	// wake those waiting for a number of parked writes.
	parkedChanged chan struct{}
}

func newWriteHold() *writeHold {
	return &writeHold{released: make(chan struct{}), parkedChanged: make(chan struct{})}
}

// configure sets how many writes pass from now on before the rest are
// parked. A new value starts the count afresh and releases the writes
// parked under the old one; the same value leaves both alone, so that
// setting another fault does not restart the count.
func (h *writeHold) configure(after int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if after == h.after {
		return
	}
	h.after, h.passed = after, 0
	close(h.released)
	h.released = make(chan struct{})
}

// release lets the writes parked now go on; writes that arrive later are
// parked again while the hold is on.
func (h *writeHold) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	close(h.released)
	h.released = make(chan struct{})
}

// wait parks a write while the hold is on and the write comes after the
// allowance, until it is released or its client gives up. It reports
// whether the write may go on.
func (h *writeHold) wait(ctx context.Context) bool {
	h.mu.Lock()
	if h.after == 0 {
		h.mu.Unlock()
		return true
	}
	h.passed++
	if h.passed <= h.after {
		h.mu.Unlock()
		return true
	}
	released := h.released
	h.changeParked(+1)
	h.mu.Unlock()

	var goOn bool
	select {
	case <-released:
		goOn = true
	case <-ctx.Done():
	}
	h.mu.Lock()
	h.changeParked(-1)
	h.mu.Unlock()
	return goOn
}

// changeParked adds by to the parked count and wakes everyone waiting for a
// number of parked writes. The caller must hold mu.
func (h *writeHold) changeParked(by int) {
	h.parked += by
	close(h.parkedChanged)
	h.parkedChanged = make(chan struct{})
}

// awaitParked blocks until at least n writes are parked, or ctx ends; it
// returns how many are parked.
func (h *writeHold) awaitParked(ctx context.Context, n int) (int, error) {
	for {
		h.mu.Lock()
		parked, changed := h.parked, h.parkedChanged
		h.mu.Unlock()
		if parked >= n {
			return parked, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return parked, ctx.Err()
		}
	}
}
