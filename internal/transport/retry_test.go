package transport

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestBackoffHonoursServerHints(t *testing.T) {
	now := time.Now()
	resp := func(status int, header, value string) *http.Response {
		h := http.Header{}
		h.Set(header, value)
		return &http.Response{StatusCode: status, Header: h}
	}
	cases := []struct {
		name     string
		resp     *http.Response
		min, max time.Duration
	}{
		{"Retry-After seconds", resp(429, "Retry-After", "2"), 2 * time.Second, 2 * time.Second},
		{"X-RateLimit-Reset epoch", resp(429, "X-RateLimit-Reset", strconv.FormatInt(now.Add(3*time.Second).Unix(), 10)), 1 * time.Second, 3100 * time.Millisecond},
		{"lower-case header name", &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{"x-ratelimit-reset": {strconv.FormatInt(now.Add(2*time.Second).Unix(), 10)}}}, 0, 2100 * time.Millisecond},
		{"hint capped at max", resp(429, "Retry-After", "3600"), 5 * time.Second, 5 * time.Second},
		{"reset preferred to a rounded Retry-After", &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{
			"Retry-After":       {"1"},
			"X-Ratelimit-Reset": {strconv.FormatInt(now.Add(-time.Second).Unix(), 10)},
		}}, 100 * time.Millisecond, 100 * time.Millisecond},
		{"past reset waits the minimum", resp(429, "X-RateLimit-Reset", strconv.FormatInt(now.Add(-time.Minute).Unix(), 10)), 100 * time.Millisecond, 100 * time.Millisecond},
	}
	for _, tc := range cases {
		got := Backoff(100*time.Millisecond, 5*time.Second, 0, tc.resp)
		if got < tc.min || got > tc.max {
			t.Errorf("%s: Backoff = %v, want between %v and %v", tc.name, got, tc.min, tc.max)
		}
	}
}

func TestBackoffIsCappedAndJittered(t *testing.T) {
	seen := map[time.Duration]bool{}
	for attempt := range 40 {
		got := Backoff(100*time.Millisecond, 2*time.Second, attempt, nil)
		if got < 100*time.Millisecond || got > 2*time.Second {
			t.Fatalf("attempt %d: Backoff = %v, outside [100ms, 2s]", attempt, got)
		}
		seen[got] = true
	}
	if len(seen) < 10 {
		t.Errorf("40 backoffs took only %d distinct values: no jitter", len(seen))
	}
}
