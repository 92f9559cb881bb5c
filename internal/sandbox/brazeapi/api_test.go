package brazeapi_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func wantRateLimit(t *testing.T, r sandboxtest.Response, limit, remaining int, reset time.Time) {
	t.Helper()
	for header, want := range map[string]string{
		"X-RateLimit-Limit":     strconv.Itoa(limit),
		"X-RateLimit-Remaining": strconv.Itoa(remaining),
		"X-RateLimit-Reset":     strconv.FormatInt(reset.Unix(), 10),
	} {
		if got := r.Header.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
}

// The exports of custom attributes and custom events share Braze's limit of
// 1,000 requests an hour; other endpoints keep the default.
func TestBrazeExportLimit(t *testing.T) {
	f := start(t)
	hour := sandboxtest.Epoch.Truncate(time.Hour).Add(time.Hour)
	wantRateLimit(t, f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil), 1000, 999, hour)
	wantRateLimit(t, f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil), 250_000, 249_999, hour)

	brazeapi.SetExportLimit(f.Parts.Braze, 3)
	for remaining := 2; remaining >= 0; remaining-- {
		r := f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
		r.WantStatus(t, http.StatusOK)
		wantRateLimit(t, r, 3, remaining, hour)
	}
	r := f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
	r.WantBrazeError(t, http.StatusTooManyRequests, "Rate Limited")
	wantRateLimit(t, r, 3, 0, hour)
	// Whoever asks: the limit answers before the key is checked.
	f.Braze("not-a-key", "GET", "/custom_attributes", nil).WantStatus(t, http.StatusTooManyRequests)
	// The default limit is another window.
	f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil).WantStatus(t, http.StatusOK)

	f.Clock.Advance(time.Hour)
	r = f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
	r.WantStatus(t, http.StatusOK)
	wantRateLimit(t, r, 3, 2, hour.Add(time.Hour))

	t.Run("reset starts the hour afresh", func(t *testing.T) {
		f.Control("POST", "/reset", nil).WantStatus(t, http.StatusOK)
		wantRateLimit(t, f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil), 1000, 999, hour.Add(time.Hour))
	})
}

// The rate-limit fault applies on top of the export limit, and reports
// itself while it binds.
func TestBrazeExportLimitUnderTheFault(t *testing.T) {
	f := start(t)
	second := sandboxtest.Epoch.Truncate(time.Second).Add(time.Second)
	f.Sandbox.SetFaults(core.Faults{RateLimitPerSecond: 2})
	wantRateLimit(t, f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil), 2, 1, second)
	wantRateLimit(t, f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil), 2, 0, second)
	r := f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
	r.WantStatus(t, http.StatusTooManyRequests)
	wantRateLimit(t, r, 2, 0, second)

	brazeapi.SetExportLimit(f.Parts.Braze, 1)
	f.Clock.Advance(time.Second)
	f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil).WantStatus(t, http.StatusOK)
	r = f.Braze(brazeapi.AdminKey, "GET", "/custom_attributes", nil)
	r.WantStatus(t, http.StatusTooManyRequests)
	wantRateLimit(t, r, 1, 0, sandboxtest.Epoch.Truncate(time.Hour).Add(time.Hour))
}
