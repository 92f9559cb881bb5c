package developerapi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/amplitudeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestDeveloperAuth(t *testing.T) {
	header := func(value string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Authorization", value) }
	}
	tests := []struct {
		name       string
		auth       func(*http.Request)
		wantStatus int
		wantCode   string
		wantDetail string
	}{
		{"missing", nil, http.StatusUnauthorized, "authentication_required", "send Authorization: Bearer"},
		{"basic instead of bearer", sandboxtest.AmplitudeAuth, http.StatusUnauthorized, "authentication_required", "send Authorization: Bearer"},
		{"bearer without a token", header("Bearer "), http.StatusUnauthorized, "authentication_required", ""},
		{"unknown token", header("Bearer amp_nope"), http.StatusUnauthorized, "invalid_token", "not valid"},
		{"PAT= without a token", header("Bearer PAT="), http.StatusUnauthorized, "invalid_token", ""},
		{"an Amplitude API key", header("Bearer " + amplitudeapi.APIKey), http.StatusUnauthorized, "invalid_token", ""},
		{"PAT= form", header("Bearer PAT=" + developerapi.AdminToken), http.StatusOK, "", ""},
		{"bare form", header("Bearer " + developerapi.AdminToken), http.StatusOK, "", ""},
		{"lower-case scheme", header("bearer PAT=" + developerapi.ReadOnlyToken), http.StatusOK, "", ""},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.Send("GET", developerapi.Path+"/v1/context", nil, tt.auth)
			if tt.wantStatus == http.StatusOK {
				r.WantStatus(t, http.StatusOK)
				if ct := r.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type %q", ct)
				}
				return
			}
			p := r.WantProblem(t, tt.wantStatus, tt.wantCode, tt.wantDetail)
			if p.Retryable {
				t.Error("a 401 is not retryable")
			}
			if got := r.Header.Get("WWW-Authenticate"); got != `Bearer realm="Amplitude Developer API"` {
				t.Errorf("WWW-Authenticate %q", got)
			}
		})
	}
}

// Every route needs its scope; the read-only token has every read scope
// and no write scope.
func TestDeveloperScopes(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.BrazeStream("s"))["id"].(string)
	readOnly := sandboxtest.DeveloperAuth(developerapi.ReadOnlyToken)
	base := developerapi.Path
	reads := []string{
		"/v1/context",
		"/v1/projects",
		"/v1/destination-types",
		"/v1/destination-types/braze",
		sandboxtest.DestinationsPath,
		sandboxtest.DestinationsPath + "/" + id,
	}
	for _, path := range reads {
		f.Send("GET", base+path, nil, readOnly).WantStatus(t, http.StatusOK)
	}
	writes := []struct {
		method, path string
		body         any
	}{
		{"POST", sandboxtest.DestinationsPath, sandboxtest.BrazeStream("refused")},
		{"POST", sandboxtest.DestinationsPath + "?dry_run=true", sandboxtest.BrazeStream("refused")},
		{"PATCH", sandboxtest.DestinationsPath + "/" + id, map[string]any{"display_name": "refused"}},
		{"POST", sandboxtest.DestinationsPath + "/" + id + "/test", nil},
	}
	for _, w := range writes {
		p := f.Send(w.method, base+w.path, w.body, readOnly).WantProblem(t, http.StatusForbidden, "insufficient_scope",
			"this operation needs the destinations:write scope; the token has projects:read, destinations:read, taxonomy:read, analytics:read")
		if p.Retryable {
			t.Error("a 403 is not retryable")
		}
	}
	if got := f.GetDestination(id); got["display_name"] != "s" || got["version"] != float64(1) {
		t.Errorf("a refused write changed the destination: %v", got)
	}
	if n := f.Sandbox.Stats().Objects["destinations"]; n != 1 {
		t.Errorf("%d destinations after refused creates", n)
	}
}

func TestDeveloperContext(t *testing.T) {
	f := start(t)
	for _, tt := range []struct {
		token, login, scopes string
	}{
		{developerapi.AdminToken, "sandbox-admin@example.com", "projects:read destinations:read destinations:write taxonomy:read taxonomy:write analytics:read"},
		{developerapi.ReadOnlyToken, "sandbox-readonly@example.com", "projects:read destinations:read taxonomy:read analytics:read"},
		{developerapi.EditorToken, "sandbox-editor@example.com", "projects:read taxonomy:read taxonomy:write"},
	} {
		r := f.Send("GET", developerapi.Path+"/v1/context", nil, sandboxtest.DeveloperAuth(tt.token))
		r.WantStatus(t, http.StatusOK)
		var body struct {
			Data struct {
				Object    string `json:"object"`
				Principal struct {
					Object   string   `json:"object"`
					LoginID  string   `json:"login_id"`
					OrgID    string   `json:"org_id"`
					OrgName  string   `json:"org_name"`
					AuthType string   `json:"auth_type"`
					Scopes   []string `json:"scopes"`
				} `json:"principal"`
				Org struct {
					ID     string `json:"id"`
					Object string `json:"object"`
					Name   string `json:"name"`
				} `json:"org"`
			} `json:"data"`
		}
		r.Decode(t, &body)
		d := body.Data
		if d.Object != "context" || d.Principal.Object != "principal" || d.Principal.LoginID != tt.login ||
			d.Principal.OrgID != "1001" || d.Principal.OrgName != "Sandbox org" || d.Principal.AuthType != "pat" ||
			strings.Join(d.Principal.Scopes, " ") != tt.scopes ||
			d.Org.ID != "1001" || d.Org.Object != "org" || d.Org.Name != "Sandbox org" {
			t.Errorf("context %s", r.Body)
		}
	}
}
