package developerapi

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The sandbox's Personal Access Tokens (x-sandbox-credentials in the document).
// They are public on purpose: the sandbox only listens on loopback and
// holds no real data. Any token may be sent as "Bearer PAT=<token>" or
// "Bearer <token>" (open point: PAT header form).
const (
	// AdminToken has every scope the providers use; ReadOnlyToken has only
	// the read scopes.
	AdminToken    = "amp_sandbox_admin"
	ReadOnlyToken = "amp_sandbox_readonly"
	// EditorToken belongs to a teammate who may manage only the tracking
	// plan. It is a different principal, so its Idempotency-Keys are kept
	// apart from the admin's. The open point names two tokens; this third
	// one exists for the tests.
	EditorToken = "amp_sandbox_editor"
)

// principal is who a token speaks for, as GET /v1/context reports it, with
// the scopes the token was made with
// (amplitude.com/docs/developers/cli/authentication, "Required scopes").
type principal struct {
	token   string
	loginID string
	scopes  []string
}

var principals = []principal{
	{AdminToken, "sandbox-admin@example.com", []string{"projects:read", "destinations:read", "destinations:write", "taxonomy:read", "taxonomy:write", "analytics:read"}},
	{ReadOnlyToken, "sandbox-readonly@example.com", []string{"projects:read", "destinations:read", "taxonomy:read", "analytics:read"}},
	{EditorToken, "sandbox-editor@example.com", []string{"projects:read", "taxonomy:read", "taxonomy:write"}},
}

type principalKey struct{}

func principalOf(r *http.Request) *principal {
	p, _ := r.Context().Value(principalKey{}).(*principal)
	return p
}

// LoginID returns the login id the request was admitted as, which a
// destination records in created_by and updated_by.
func LoginID(r *http.Request) string { return principalOf(r).loginID }

// auth admits a request only when its Bearer token holds the scope that the
// operation's document names in x-required-scopes
// (amplitude.com/docs/apis/developer, "Authentication"). A request without a
// token gets 401 authentication_required, one with an unknown token 401
// invalid_token, and one whose token lacks the scope 403 insufficient_scope.
// A 401 carries the Bearer challenge that RFC 9110 requires of it, although
// the vendor documents none.
func (a *API) auth(op *core.Operation, next http.Handler) http.Handler {
	scope := op.Extension("x-required-scopes")[0]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, sent := core.BearerToken(r)
		i := slices.IndexFunc(principals, func(p principal) bool { return p.token == strings.TrimPrefix(token, "PAT=") })
		var refusal *core.APIError
		switch {
		case !sent:
			refusal = Refuse(http.StatusUnauthorized, "authentication_required",
				"authentication required: send Authorization: Bearer with a Personal Access Token or an OAuth access token")
		case i < 0:
			refusal = Refuse(http.StatusUnauthorized, "invalid_token", "the access token is not valid: it is unknown, expired or revoked")
		case !slices.Contains(principals[i].scopes, scope):
			refusal = Refuse(http.StatusForbidden, "insufficient_scope",
				"this operation needs the %s scope; the token has %s", scope, strings.Join(principals[i].scopes, ", "))
		default:
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, &principals[i])))
			return
		}
		if refusal.Status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="Amplitude Developer API"`)
		}
		a.WriteError(w, r, refusal)
	})
}
