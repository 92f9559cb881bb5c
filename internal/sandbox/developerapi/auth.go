package developerapi

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The Developer API's scopes (amplitude.com/docs/developers/cli/authentication,
// "Required scopes", and each operation's page under
// amplitude.com/docs/apis/developer). Each operation needs one; a Personal
// Access Token carries those chosen when it was made.
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
// the providers use, one that may only read (open point: Sandbox
// credentials, x-modelled in api/amplitude-developer.openapi.yaml), and a
// teammate's that may manage the tracking plan, whose Idempotency-Keys are
// its own (a third token the open point does not name: a test's need).
var principals = []principal{
	{
		token:   AdminToken,
		loginID: "sandbox-admin@example.com",
		scopes: []string{scopeProjectsRead, scopeDestinationsRead, scopeDestinationsWrite,
			scopeTaxonomyRead, scopeTaxonomyWrite, scopeAnalyticsRead},
	},
	{
		token:   ReadOnlyToken,
		loginID: "sandbox-readonly@example.com",
		scopes:  []string{scopeProjectsRead, scopeDestinationsRead, scopeTaxonomyRead, scopeAnalyticsRead},
	},
	{
		token:   EditorToken,
		loginID: "sandbox-editor@example.com",
		scopes:  []string{scopeProjectsRead, scopeTaxonomyRead, scopeTaxonomyWrite},
	},
}

func (p *principal) has(scope string) bool {
	return slices.Contains(p.scopes, scope)
}

type principalKey struct{}

// principalOf is the principal auth admitted the request as.
func principalOf(r *http.Request) *principal {
	p, _ := r.Context().Value(principalKey{}).(*principal)
	return p
}

// auth admits a request whose Bearer token holds scope
// (amplitude.com/docs/apis/developer, "Authentication"): 401
// authentication_required without a token, invalid_token for an unknown one,
// 403 insufficient_scope without the scope. Amplitude's CLI sends a PAT as
// "Bearer PAT=amp_…"; the docs do not say whether the bare "Bearer amp_…"
// works, so both are accepted, and a client may use either (open point: PAT
// header form, x-modelled in api/amplitude-developer.openapi.yaml).
func (a *API) auth(scope string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, sent := core.BearerToken(r)
		if !sent {
			a.unauthorized(w, r, codeAuthenticationRequired,
				"authentication required: send Authorization: Bearer with a Personal Access Token or an OAuth access token")
			return
		}
		token = strings.TrimPrefix(token, "PAT=")
		i := slices.IndexFunc(principals, func(p principal) bool { return p.token == token })
		if i < 0 {
			a.unauthorized(w, r, codeInvalidToken, "the access token is not valid: it is unknown, expired or revoked")
			return
		}
		p := &principals[i]
		if !p.has(scope) {
			core.Fail(a.vendor, w, r, refuseWith(http.StatusForbidden, codeInsufficientScope,
				"this operation needs the %s scope; the token has %s", scope, strings.Join(p.scopes, ", ")))
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	})
}

// unauthorized answers a 401 with the Bearer challenge RFC 9110 §11.6.1
// requires of one; the vendor documents no WWW-Authenticate.
func (a *API) unauthorized(w http.ResponseWriter, r *http.Request, code, message string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="Amplitude Developer API"`)
	core.Fail(a.vendor, w, r, refuseWith(http.StatusUnauthorized, code, "%s", message))
}
