package developerapi

import (
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// project is the Amplitude project the sandbox emulates, the only one its
// tokens can reach (open point: Sandbox credentials, x-modelled in
// api/amplitude-developer.openapi.yaml). Its id is the canonical app id,
// digits, as every project-scoped Developer API path takes it
// (amplitude.com/docs/apis/developer/projects/list-projects, project_id).
type project struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// The organisation the sandbox's tokens belong to: the context's org
// (get-authenticated-context) needs one; its id and name are the sandbox's.
const (
	sandboxOrgID   = "1001"
	sandboxOrgName = "Sandbox org"
)

type projectView struct {
	ID          string `json:"id"`
	Object      string `json:"object"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CreatedAt   string `json:"created_at"`
	UpdatedAt   string `json:"updated_at"`
}

func (p *project) view() projectView {
	return projectView{
		ID:          p.ID,
		Object:      "project",
		Name:        p.Name,
		Description: p.Description,
		CreatedAt:   core.FormatTime(p.CreatedAt),
		UpdatedAt:   core.FormatTime(p.UpdatedAt),
	}
}

// matches is the projects list's q, the vendor's "full-text search query",
// which the sandbox reads as a case-insensitive part of the name.
func (p *project) matches(q string) bool {
	return strings.Contains(strings.ToLower(p.Name), strings.ToLower(q))
}

// contextView is GET /v1/context: who the token speaks for, in which org
// (amplitude.com/docs/apis/developer/projects/get-authenticated-context). The
// sandbox's tokens are Personal Access Tokens, auth_type pat.
type contextView struct {
	Object    string        `json:"object"`
	Principal principalView `json:"principal"`
	Org       orgView       `json:"org"`
}

type principalView struct {
	Object   string   `json:"object"`
	LoginID  string   `json:"login_id"`
	OrgID    string   `json:"org_id"`
	OrgName  string   `json:"org_name"`
	AuthType string   `json:"auth_type"`
	Scopes   []string `json:"scopes"`
}

type orgView struct {
	ID     string `json:"id"`
	Object string `json:"object"`
	Name   string `json:"name"`
}

func (p *principal) contextView() contextView {
	return contextView{
		Object: "context",
		Principal: principalView{
			Object:   "principal",
			LoginID:  p.loginID,
			OrgID:    sandboxOrgID,
			OrgName:  sandboxOrgName,
			AuthType: "pat",
			Scopes:   p.scopes,
		},
		Org: orgView{ID: sandboxOrgID, Object: "org", Name: sandboxOrgName},
	}
}
