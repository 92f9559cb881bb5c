package brazeapi

import (
	"net/http"
	"net/netip"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// auth checks the REST API key of Authorization: Bearer <key> the way
// Braze does (braze.com/docs/api/basics, braze.com/docs/api/errors): 401 for
// a missing or unknown key, 403 for a key without the endpoint's
// permission. A key whose allowed IPs exclude the caller is refused too
// (braze.com/docs/api/basics, "API IP allowlisting"); the docs give no
// status for it, and the sandbox's is 401. A call records the key's
// last_seen_at, which the modelled /api_keys/info shows
// (api/braze.openapi.yaml).
func (a *API) auth(permission string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := core.BearerToken(r)
		if !ok {
			a.braze.WriteError(w, r, core.Refuse(http.StatusUnauthorized,
				"Invalid API key: no REST API key was sent; send Authorization: Bearer YOUR-REST-API-KEY"))
			return
		}
		caller := remoteAddr(r)
		var refusal *core.APIError
		a.store.Touch(func(tx *core.Tx) {
			i := a.state.apiKeyBySecret(secret)
			if i < 0 {
				refusal = core.Refuse(http.StatusUnauthorized, "Invalid API key: unknown REST API key")
				return
			}
			key := &a.state.APIKeys[i]
			if !key.allowsIP(caller) {
				refusal = core.Refuse(http.StatusUnauthorized,
					"Invalid API key: this REST API key does not allow requests from %s", caller)
				return
			}
			now := tx.Now()
			key.LastSeenAt = &now
			if !key.has(permission) {
				refusal = core.Refuse(http.StatusForbidden,
					"Forbidden: this REST API key lacks the %s permission", permission)
			}
		})
		if refusal != nil {
			a.braze.WriteError(w, r, refusal)
			return
		}
		next.ServeHTTP(w, r)
	})
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
