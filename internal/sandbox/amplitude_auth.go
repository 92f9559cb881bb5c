package sandbox

import "net/http"

// amplitudeAuth checks the project's Basic credentials,
// base64(api_key:secret_key), as every Amplitude API does.
func (s *Server) amplitudeAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apiKey, secretKey, ok := r.BasicAuth()
		switch {
		case !ok:
			s.amplitudeUnauthorized(w, r, "Missing credentials: send Authorization: Basic base64(api_key:secret_key)")
		case apiKey != AmplitudeAPIKey || secretKey != AmplitudeSecretKey:
			s.amplitudeUnauthorized(w, r, "Invalid API key or secret key")
		default:
			next.ServeHTTP(w, r)
		}
	})
}

func (s *Server) amplitudeUnauthorized(w http.ResponseWriter, r *http.Request, message string) {
	w.Header().Set("WWW-Authenticate", `Basic realm="Amplitude"`)
	s.amplitude.writeError(w, r, refuse(http.StatusUnauthorized, "%s", message))
}
