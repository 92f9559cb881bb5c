package amplitude

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestLimiterWindowCountsFromAnswers(t *testing.T) {
	l := newLimiter(RequestLimits{Concurrent: 4, PerWindow: 3, Window: time.Minute})
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3 {
		if wait := l.reserve(t0); wait != 0 {
			t.Fatalf("request %d waits %v with the window empty", i, wait)
		}
	}
	if wait := l.reserve(t0); wait != time.Minute/60 {
		t.Fatalf("a fourth request while three are in flight waits %v; want a short poll", wait)
	}
	// The three answer 10s, 20s and 30s in.
	l.started = 0
	l.finished = []time.Time{t0.Add(10 * time.Second), t0.Add(20 * time.Second), t0.Add(30 * time.Second)}
	if wait := l.reserve(t0.Add(40 * time.Second)); wait != 30*time.Second {
		t.Fatalf("at 40s the next request waits %v; want 30s, until a minute after the first answer", wait)
	}
	if wait := l.reserve(t0.Add(70 * time.Second)); wait != 0 {
		t.Fatalf("at 70s, a minute after the first answer, the request waits %v", wait)
	}
	if wait := l.reserve(t0.Add(70 * time.Second)); wait != 10*time.Second {
		t.Fatalf("the next one at 70s waits %v; want 10s", wait)
	}
}

func TestLimiterBoundsConcurrencyAndWaitsForTheWindow(t *testing.T) {
	const window = 300 * time.Millisecond
	l := newLimiter(RequestLimits{Concurrent: 4, PerWindow: 12, Window: window})
	var inFlight, most atomic.Int32
	began := time.Now()
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			release, err := l.acquire(t.Context())
			if err != nil {
				t.Error(err)
				return
			}
			n := inFlight.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(5 * time.Millisecond)
			inFlight.Add(-1)
			release()
		})
	}
	wg.Wait()
	if most.Load() > 4 {
		t.Errorf("%d requests were in flight at once; the limit is 4", most.Load())
	}
	if most.Load() < 2 {
		t.Errorf("at most %d request was in flight: the limiter serialised what may run side by side", most.Load())
	}
	if elapsed := time.Since(began); elapsed < window {
		t.Errorf("20 requests at 12 per %v took %v: the last 8 did not wait for the window", window, elapsed)
	}
}

func TestLimiterGivesUpWithTheContext(t *testing.T) {
	l := newLimiter(RequestLimits{Concurrent: 1, PerWindow: 1, Window: time.Hour})
	release, err := l.acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	release()
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := l.acquire(ctx); err == nil {
		t.Fatal("a request waiting an hour for the window ignored its cancelled context")
	}
	if len(l.inFlight) != 0 {
		t.Error("the cancelled request kept its in-flight slot")
	}
}
