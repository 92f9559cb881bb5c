package developer_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// A token that may create destinations but not read them: when a create's
// answer is lost, the search for what it made is refused, and the error
// names destinations:read, the scope of the request refused, rather than
// destinations:write, which the token holds.
func TestLostCreateSearchNamesTheReadScope(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v1/context":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"data": {"object": "context", "principal": {"object": "principal", "login_id": "writer@example.com", "org_id": "1", "auth_type": "pat", "scopes": ["destinations:write"]}, "org": {"id": "1", "object": "org"}}}`)
		case r.Method == http.MethodPost:
			// The create is made, and its answer lost.
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				conn.Close()
			}
		default:
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprint(w, `{"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "The token lacks a scope this operation needs", "error_code": "insufficient_scope", "retryable": false}`)
		}
	}))
	t.Cleanup(server.Close)
	_, err := newClient(t, server.URL, adminToken).CreateDestination(t.Context(), developer.PartnerBraze, stream("Purchase").Spec("lost", true))
	var scopeErr *developer.ScopeError
	if !errors.As(err, &scopeErr) || scopeErr.Scope != developer.ScopeDestinationsRead {
		t.Errorf("lost create, search refused: %v; want the destinations:read scope named", err)
	}
}
