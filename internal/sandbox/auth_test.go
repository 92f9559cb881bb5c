package sandbox_test

import (
	"net/http"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func TestAmplitudeAuth(t *testing.T) {
	tests := []struct {
		name        string
		auth        func(*http.Request)
		wantStatus  int
		wantMessage string
	}{
		{"missing", nil, http.StatusUnauthorized, "Missing credentials"},
		{"wrong secret", func(r *http.Request) { r.SetBasicAuth(sandbox.AmplitudeAPIKey, "nope") }, http.StatusUnauthorized, "Invalid API key or secret key"},
		{"wrong api key", func(r *http.Request) { r.SetBasicAuth("nope", sandbox.AmplitudeSecretKey) }, http.StatusUnauthorized, "Invalid API key or secret key"},
		{"bearer instead of basic", bearer(sandbox.BrazeAdminKey), http.StatusUnauthorized, "Missing credentials"},
		{"valid", amplitudeAuth, http.StatusOK, ""},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.send("GET", "/amplitude/api/2/syncs", nil, tt.auth)
			if tt.wantStatus == http.StatusOK {
				r.wantStatus(t, http.StatusOK)
				return
			}
			r.wantAmplitudeError(t, tt.wantStatus, tt.wantMessage)
			if r.header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

func TestBrazeAuth(t *testing.T) {
	f := start(t)
	_, trackOnly := f.createKey([]string{"users.track"}, nil)
	tests := []struct {
		name        string
		auth        func(*http.Request)
		wantStatus  int
		wantMessage string
	}{
		{"missing", nil, http.StatusUnauthorized, "Invalid API key: no REST API key was sent"},
		{"basic instead of bearer", amplitudeAuth, http.StatusUnauthorized, "Invalid API key: no REST API key was sent"},
		{"unknown", bearer("not-a-key"), http.StatusUnauthorized, "Invalid API key: unknown REST API key"},
		{"lacks permission", bearer(trackOnly), http.StatusForbidden, "lacks the api_keys.list permission"},
		{"lower-case scheme", func(r *http.Request) { r.Header.Set("Authorization", "bearer "+sandbox.BrazeAdminKey) }, http.StatusOK, ""},
		{"admin", bearer(sandbox.BrazeAdminKey), http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.send("GET", "/braze/api_keys/list", nil, tt.auth)
			for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
				if r.header.Get(h) == "" {
					t.Errorf("response lacks %s", h)
				}
			}
			if tt.wantStatus == http.StatusOK {
				r.wantStatus(t, http.StatusOK)
				return
			}
			r.wantBrazeError(t, tt.wantStatus, tt.wantMessage)
		})
	}
}

// The admin key must reach every endpoint, whatever the published
// permission list holds.
func TestAdminKeyHoldsEveryPermission(t *testing.T) {
	f := start(t)
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/info?api_key_id="+sandbox.BrazeAdminKeyID, nil)
	r.wantStatus(t, http.StatusOK)
	held := map[string]bool{}
	for _, p := range r.braze(t).APIKey["permissions"].([]any) {
		held[p.(string)] = true
	}
	for _, p := range []string{"users.track", "api_keys.create", "api_keys.list", "api_keys.info", "api_keys.delete", "custom_attributes.get"} {
		if !held[p] {
			t.Errorf("admin key lacks %s", p)
		}
	}
}
