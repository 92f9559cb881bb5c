package core_test

import (
	"net/http"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
)

func TestUnknownVendorPaths(t *testing.T) {
	f := start(t)
	f.Amplitude("GET", "/api/2/nowhere", nil).WantAmplitudeError(t, http.StatusNotFound, "Not found")
	f.Amplitude("PATCH", "/api/2/syncs/x", nil).WantAmplitudeError(t, http.StatusNotFound, "Not found")
	r := f.Braze(brazeapi.AdminKey, "GET", "/users/track", nil)
	r.WantBrazeError(t, http.StatusNotFound, "Not found")
	if r.Header.Get("X-RateLimit-Limit") == "" {
		t.Error("a Braze 404 lacks the rate-limit headers")
	}
}
