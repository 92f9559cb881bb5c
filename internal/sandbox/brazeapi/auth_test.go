package brazeapi_test

import (
	"net/http"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestBrazeAuth(t *testing.T) {
	f := start(t)
	_, trackOnly := f.CreateKey([]string{"users.track"}, nil)
	tests := []struct {
		name        string
		auth        func(*http.Request)
		wantStatus  int
		wantMessage string
	}{
		{"missing", nil, http.StatusUnauthorized, "Invalid API key: no REST API key was sent"},
		{"basic instead of bearer", sandboxtest.AmplitudeAuth, http.StatusUnauthorized, "Invalid API key: no REST API key was sent"},
		{"unknown", sandboxtest.Bearer("not-a-key"), http.StatusUnauthorized, "Invalid API key: unknown REST API key"},
		{"lacks permission", sandboxtest.Bearer(trackOnly), http.StatusForbidden, "lacks the api_keys.list permission"},
		{"lower-case scheme", func(r *http.Request) { r.Header.Set("Authorization", "bearer "+brazeapi.AdminKey) }, http.StatusOK, ""},
		{"admin", sandboxtest.Bearer(brazeapi.AdminKey), http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.Send("GET", "/braze/api_keys/list", nil, tt.auth)
			for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
				if r.Header.Get(h) == "" {
					t.Errorf("response lacks %s", h)
				}
			}
			if tt.wantStatus == http.StatusOK {
				r.WantStatus(t, http.StatusOK)
				return
			}
			r.WantBrazeError(t, tt.wantStatus, tt.wantMessage)
		})
	}
}

// The admin key must reach every endpoint, whatever the published
// permission list holds.
func TestAdminKeyHoldsEveryPermission(t *testing.T) {
	f := start(t)
	r := f.Braze(brazeapi.AdminKey, "GET", "/api_keys/info?api_key_id="+brazeapi.AdminKeyID, nil)
	r.WantStatus(t, http.StatusOK)
	held := map[string]bool{}
	for _, p := range r.Braze(t).APIKey["permissions"].([]any) {
		held[p.(string)] = true
	}
	for _, p := range []string{"users.track", "api_keys.create", "api_keys.list", "api_keys.info", "api_keys.delete", "custom_attributes.get"} {
		if !held[p] {
			t.Errorf("admin key lacks %s", p)
		}
	}
}
