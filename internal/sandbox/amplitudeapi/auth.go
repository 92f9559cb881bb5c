package amplitudeapi

import (
	"net/http"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// auth checks the project's Basic credentials, base64(api_key:secret_key),
// as every Amplitude API does
// (amplitude.com/docs/apis/analytics/event-streaming-metrics,
// "Authentication"; amplitude.com/docs/apis/analytics/behavioral-cohorts): a
// 401 without them or with wrong ones.
func (a *API) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apiKey, secretKey, ok := r.BasicAuth()
		switch {
		case !ok:
			a.unauthorized(w, r, "Missing credentials: send Authorization: Basic base64(api_key:secret_key)")
		case apiKey != APIKey || secretKey != SecretKey:
			a.unauthorized(w, r, "Invalid API key or secret key")
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// unauthorized answers a 401 with the Basic challenge RFC 9110 §11.6.1
// requires of one; Amplitude documents no WWW-Authenticate.
func (a *API) unauthorized(w http.ResponseWriter, r *http.Request, message string) {
	w.Header().Set("WWW-Authenticate", `Basic realm="Amplitude"`)
	a.vendor.WriteError(w, r, core.Refuse(http.StatusUnauthorized, "%s", message))
}
