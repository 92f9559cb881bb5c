package sandbox_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func wantRateLimit(t *testing.T, r response, limit, remaining int, reset time.Time) {
	t.Helper()
	for header, want := range map[string]string{
		"X-RateLimit-Limit":     strconv.Itoa(limit),
		"X-RateLimit-Remaining": strconv.Itoa(remaining),
		"X-RateLimit-Reset":     strconv.FormatInt(reset.Unix(), 10),
	} {
		if got := r.header.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
}

// The exports of custom attributes and custom events share Braze's limit of
// 1,000 requests an hour; other endpoints keep the default.
func TestBrazeExportLimit(t *testing.T) {
	f := start(t)
	hour := epoch.Truncate(time.Hour).Add(time.Hour)
	wantRateLimit(t, f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil), 1000, 999, hour)
	wantRateLimit(t, f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil), 250_000, 249_999, hour)

	sandbox.SetBrazeExportLimit(f.server, 3)
	for remaining := 2; remaining >= 0; remaining-- {
		r := f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil)
		r.wantStatus(t, http.StatusOK)
		wantRateLimit(t, r, 3, remaining, hour)
	}
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil)
	r.wantBrazeError(t, http.StatusTooManyRequests, "Rate Limited")
	wantRateLimit(t, r, 3, 0, hour)
	// Whoever asks: the limit answers before the key is checked.
	f.braze("not-a-key", "GET", "/custom_attributes", nil).wantStatus(t, http.StatusTooManyRequests)
	// The default limit is another window.
	f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil).wantStatus(t, http.StatusOK)

	f.clock.advance(time.Hour)
	r = f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil)
	r.wantStatus(t, http.StatusOK)
	wantRateLimit(t, r, 3, 2, hour.Add(time.Hour))

	t.Run("reset starts the hour afresh", func(t *testing.T) {
		f.control("POST", "/reset", nil).wantStatus(t, http.StatusOK)
		wantRateLimit(t, f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil), 1000, 999, hour.Add(time.Hour))
	})
}

// The rate-limit fault applies on top of the export limit, and reports
// itself while it binds.
func TestBrazeExportLimitUnderTheFault(t *testing.T) {
	f := start(t)
	second := epoch.Truncate(time.Second).Add(time.Second)
	f.server.SetFaults(sandbox.Faults{RateLimitPerSecond: 2})
	wantRateLimit(t, f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil), 2, 1, second)
	wantRateLimit(t, f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil), 2, 0, second)
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil)
	r.wantStatus(t, http.StatusTooManyRequests)
	wantRateLimit(t, r, 2, 0, second)

	sandbox.SetBrazeExportLimit(f.server, 1)
	f.clock.advance(time.Second)
	f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil).wantStatus(t, http.StatusOK)
	r = f.braze(sandbox.BrazeAdminKey, "GET", "/custom_attributes", nil)
	r.wantStatus(t, http.StatusTooManyRequests)
	wantRateLimit(t, r, 1, 0, epoch.Truncate(time.Hour).Add(time.Hour))
}
