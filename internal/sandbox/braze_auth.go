package sandbox

import (
	"net/http"
	"net/netip"
	"strings"
)

// brazeAuth checks the REST API key of Authorization: Bearer <key> the way
// Braze does: 401 for a missing or unknown key (or one whose allowed IPs
// exclude the caller), 403 for a key without the endpoint's permission.
func (s *Server) brazeAuth(permission string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := bearerToken(r)
		if !ok {
			s.braze.writeError(w, r, refuse(http.StatusUnauthorized,
				"Invalid API key: no REST API key was sent; send Authorization: Bearer YOUR-REST-API-KEY"))
			return
		}
		caller := remoteAddr(r)
		var refusal *apiError
		s.store.touch(func(st *state) {
			i := st.apiKeyBySecret(secret)
			if i < 0 {
				refusal = refuse(http.StatusUnauthorized, "Invalid API key: unknown REST API key")
				return
			}
			key := &st.APIKeys[i]
			if !key.allowsIP(caller) {
				refusal = refuse(http.StatusUnauthorized,
					"Invalid API key: this REST API key does not allow requests from %s", caller)
				return
			}
			now := s.now()
			key.LastSeenAt = &now
			if !key.has(permission) {
				refusal = refuse(http.StatusForbidden,
					"Forbidden: this REST API key lacks the %s permission", permission)
			}
		})
		if refusal != nil {
			s.braze.writeError(w, r, refusal)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func bearerToken(r *http.Request) (string, bool) {
	scheme, token, found := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	return token, found && strings.EqualFold(scheme, "Bearer") && token != ""
}

// remoteAddr is the caller's address as the sandbox sees it; proxies'
// forwarding headers are not trusted, as a key's allowlist must not be
// defeated by a header.
func remoteAddr(r *http.Request) netip.Addr {
	addrPort, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	return addrPort.Addr().Unmap()
}
