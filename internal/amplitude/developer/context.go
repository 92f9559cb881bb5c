package developer

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
)

// Scopes a token may hold (amplitude.com/docs/apis/developer).
const (
	ScopeProjectsRead      = "projects:read"
	ScopeDestinationsRead  = "destinations:read"
	ScopeDestinationsWrite = "destinations:write"
	ScopeTaxonomyRead      = "taxonomy:read"
	ScopeTaxonomyWrite     = "taxonomy:write"
)

// TokenContext is what GET /v1/context says of the token: who it acts for
// and what it may do.
type TokenContext struct {
	Principal Principal `json:"principal"`
	Org       Org       `json:"org"`
}

// Principal is the user, service account or key behind a token.
type Principal struct {
	LoginID  string   `json:"login_id"`
	OrgID    string   `json:"org_id"`
	OrgName  *string  `json:"org_name"`
	AuthType string   `json:"auth_type"`
	Scopes   []string `json:"scopes"`
}

// Org is the organisation the token belongs to.
type Org struct {
	ID   string  `json:"id"`
	Name *string `json:"name"`
}

// contextCache holds the answer of the one GET /v1/context a client sends.
type contextCache struct {
	mu      sync.Mutex
	fetched bool
	value   *TokenContext
	err     error
}

// Context returns the token's context. It asks Amplitude once per client,
// because a client lives for one Terraform command, and the token does not
// change within it. A token that may not read its own context (it lacks
// projects:read) gets a nil context and no error; each call's own answer
// then shows whether the token holds the scope that call needs.
func (c *Client) Context(ctx context.Context) (*TokenContext, error) {
	c.context.mu.Lock()
	defer c.context.mu.Unlock()
	if c.context.fetched {
		return c.context.value, c.context.err
	}
	var out envelope[TokenContext]
	err := c.do(ctx, call{method: http.MethodGet, path: "/v1/context"}, &out)
	switch {
	case isInsufficientScope(err):
		c.context.value, c.context.err = nil, nil
	case err != nil:
		// A failure to reach Amplitude is not remembered: the next call
		// tries again.
		return nil, err
	default:
		c.context.value = &out.Data
	}
	c.context.fetched = true
	return c.context.value, c.context.err
}

// ScopeError reports that the token lacks a scope an operation needs.
type ScopeError struct {
	Scope string
	// Held are the token's scopes. It is nil when the token's context could
	// not be read, so that only Amplitude's refusal says a scope is missing.
	Held  []string
	Cause error
}

func (e *ScopeError) Error() string {
	held := "Amplitude refused the call"
	if e.Held != nil {
		held = "the token holds " + orNone(e.Held)
	}
	return fmt.Sprintf("the Amplitude access token lacks the %s scope (%s). "+
		"Create a Personal Access Token that includes %s in Amplitude under your profile settings › Personal access tokens, "+
		"or use an OAuth token granted it", e.Scope, held, e.Scope)
}

func (e *ScopeError) Unwrap() error { return e.Cause }

func orNone(scopes []string) string {
	if len(scopes) == 0 {
		return "no scopes"
	}
	return strings.Join(scopes, ", ")
}

// RequireScope checks, from the token's context, that the token holds scope.
// It costs one request per client, on first use. Writes call it, so that a
// token that may not write is refused before anything is sent. Reads do not
// call it, so that a plan need not wait for the context before its first
// read: they go straight to the API, and scopeError explains a refusal.
func (c *Client) RequireScope(ctx context.Context, scope string) error {
	tc, err := c.Context(ctx)
	if err != nil {
		return err
	}
	if tc == nil || slices.Contains(tc.Principal.Scopes, scope) {
		return nil
	}
	return &ScopeError{Scope: scope, Held: tc.Principal.Scopes}
}

// scopeError turns Amplitude's insufficient_scope refusal into a
// ScopeError naming scope and, when the token may read its context, the
// scopes it holds. Other errors pass unchanged.
func (c *Client) scopeError(ctx context.Context, err error, scope string) error {
	if !isInsufficientScope(err) {
		return err
	}
	scopeErr := &ScopeError{Scope: scope, Cause: err}
	if tc, ctxErr := c.Context(ctx); ctxErr == nil && tc != nil {
		scopeErr.Held = tc.Principal.Scopes
	}
	return scopeErr
}

func isInsufficientScope(err error) bool {
	var p *Problem
	return errors.As(err, &p) && p.Status == http.StatusForbidden && p.ErrorCode == codeInsufficientScope
}

// IsScopeError reports whether err says that the token lacks a scope.
func IsScopeError(err error) bool {
	var scopeErr *ScopeError
	return errors.As(err, &scopeErr)
}
