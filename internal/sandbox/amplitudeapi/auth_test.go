package amplitudeapi_test

import (
	"net/http"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/amplitudeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestAmplitudeAuth(t *testing.T) {
	tests := []struct {
		name        string
		auth        func(*http.Request)
		wantStatus  int
		wantMessage string
	}{
		{"missing", nil, http.StatusUnauthorized, "Missing credentials"},
		{"wrong secret", func(r *http.Request) { r.SetBasicAuth(amplitudeapi.APIKey, "nope") }, http.StatusUnauthorized, "Invalid API key or secret key"},
		{"wrong api key", func(r *http.Request) { r.SetBasicAuth("nope", amplitudeapi.SecretKey) }, http.StatusUnauthorized, "Invalid API key or secret key"},
		{"bearer instead of basic", sandboxtest.Bearer(brazeapi.AdminKey), http.StatusUnauthorized, "Missing credentials"},
		{"valid", sandboxtest.AmplitudeAuth, http.StatusOK, ""},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.Send("GET", "/amplitude/api/2/syncs", nil, tt.auth)
			if tt.wantStatus == http.StatusOK {
				r.WantStatus(t, http.StatusOK)
				return
			}
			r.WantAmplitudeError(t, tt.wantStatus, tt.wantMessage)
			if r.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}
