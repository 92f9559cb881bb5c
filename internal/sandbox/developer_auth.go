package sandbox

import (
	"context"
	"net/http"
	"slices"
	"strings"
)

// The Developer API's scopes (DESIGN.md §3.1). Each operation needs one;
// a Personal Access Token carries those chosen when it was made.
const (
	scopeProjectsRead      = "projects:read"
	scopeDestinationsRead  = "destinations:read"
	scopeDestinationsWrite = "destinations:write"
	scopeTaxonomyRead      = "taxonomy:read"
	scopeTaxonomyWrite     = "taxonomy:write"
	scopeAnalyticsRead     = "analytics:read"
)

// principal is who a token speaks for, as GET /v1/context reports it.
type principal struct {
	token   string
	loginID string
	scopes  []string
}

// principals are the sandbox's Personal Access Tokens: one with every scope
// the providers use, one that may only read, and a teammate's that may
// manage the tracking plan.
var principals = []principal{
	{
		token:   DeveloperAPIAdminToken,
		loginID: "sandbox-admin@example.com",
		scopes: []string{scopeProjectsRead, scopeDestinationsRead, scopeDestinationsWrite,
			scopeTaxonomyRead, scopeTaxonomyWrite, scopeAnalyticsRead},
	},
	{
		token:   DeveloperAPIReadOnlyToken,
		loginID: "sandbox-readonly@example.com",
		scopes:  []string{scopeProjectsRead, scopeDestinationsRead, scopeTaxonomyRead, scopeAnalyticsRead},
	},
	{
		token:   DeveloperAPIEditorToken,
		loginID: "sandbox-editor@example.com",
		scopes:  []string{scopeProjectsRead, scopeTaxonomyRead, scopeTaxonomyWrite},
	},
}

func (p *principal) has(scope string) bool {
	return slices.Contains(p.scopes, scope)
}

type principalKey struct{}

// principalOf is the principal developerAuth admitted the request as.
func principalOf(r *http.Request) *principal {
	p, _ := r.Context().Value(principalKey{}).(*principal)
	return p
}

// developerAuth admits a request whose Bearer token holds scope. Amplitude's
// CLI sends a PAT as "Bearer PAT=amp_…"; the docs do not say whether the
// bare "Bearer amp_…" works, so both are accepted, and a client may use
// either.
func (s *Server) developerAuth(scope string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, sent := bearerToken(r)
		if !sent {
			s.developerUnauthorized(w, r, codeAuthenticationRequired,
				"authentication required: send Authorization: Bearer with a Personal Access Token or an OAuth access token")
			return
		}
		token = strings.TrimPrefix(token, "PAT=")
		i := slices.IndexFunc(principals, func(p principal) bool { return p.token == token })
		if i < 0 {
			s.developerUnauthorized(w, r, codeInvalidToken, "the access token is not valid: it is unknown, expired or revoked")
			return
		}
		p := &principals[i]
		if !p.has(scope) {
			fail(s.developer, w, r, refuseWith(http.StatusForbidden, codeInsufficientScope,
				"this operation needs the %s scope; the token has %s", scope, strings.Join(p.scopes, ", ")))
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	})
}

func (s *Server) developerUnauthorized(w http.ResponseWriter, r *http.Request, code, message string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="Amplitude Developer API"`)
	fail(s.developer, w, r, refuseWith(http.StatusUnauthorized, code, "%s", message))
}
