package amplitude

import (
	"context"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestLimiterWindowCountsFromAnswers(t *testing.T) {
	l := newLimiter(RequestLimits{Concurrent: 4, PerWindow: 3, Window: time.Minute}, testclock.New(t0))
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

// At most Concurrent requests hold a slot: the next waits until one is
// released. The check reads the slots, not the time.
func TestLimiterBoundsConcurrency(t *testing.T) {
	l := newLimiter(RequestLimits{Concurrent: 4, PerWindow: 100, Window: time.Minute}, testclock.New(t0))
	var releases []func()
	for i := range 4 {
		release, err := l.acquire(t.Context())
		if err != nil {
			t.Fatalf("request %d of 4: %v", i+1, err)
		}
		releases = append(releases, release)
	}
	// A context that has already ended can only win against a full set of
	// slots: with a free one, acquire would have a choice.
	ended, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := l.acquire(ended); err == nil {
		t.Fatal("a fifth request took a slot while four were in flight")
	}
	releases[0]()
	if _, err := l.acquire(t.Context()); err != nil {
		t.Fatalf("a request after one of four answered: %v", err)
	}
}

// Past PerWindow requests, the next waits until a window has passed since
// the first answer. The client sleeps on the test's clock, which moves time
// on: how long it waited is read off the clock, not measured.
func TestLimiterWaitsForTheWindow(t *testing.T) {
	clock := testclock.New(t0)
	l := newLimiter(RequestLimits{Concurrent: 4, PerWindow: 12, Window: time.Minute}, clock)
	for i := range 12 {
		release, err := l.acquire(t.Context())
		if err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
		release()
	}
	if waited := clock.Now().Sub(t0); waited != 0 {
		t.Fatalf("the first 12 requests waited %v; the window allows 12", waited)
	}
	release, err := l.acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	release()
	if waited := clock.Now().Sub(t0); waited != time.Minute {
		t.Fatalf("the 13th request waited %v; want a minute, until the window after the first answer", waited)
	}
}

func TestLimiterGivesUpWithTheContext(t *testing.T) {
	l := newLimiter(RequestLimits{Concurrent: 1, PerWindow: 1, Window: time.Hour}, realClock{})
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
