package developerapi

import (
	"net/http"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// ProjectID is the id of the sandbox's one Amplitude project, the only one
// its tokens can reach (x-sandbox-credentials in the document). It is the
// {project_id} of the project paths.
const ProjectID = "424242"

// state is what the Developer API's shared part remembers: the project, and
// the keyed writes of the last 24 hours.
type state struct {
	Project project `json:"project"`
	// IdempotencyKeys are the keyed writes, by idempotencyID.
	IdempotencyKeys map[string]idempotencyRecord `json:"idempotency_keys"`
	// inFlight holds the Idempotency-Keys whose first request is still
	// being handled. It is not saved, because a request in flight does not
	// outlive the process. A reset or a load forgets it, because the
	// request's answer belongs to the state that was replaced.
	inFlight map[string]bool
}

// project is the project as GET /v1/projects lists it
// (amplitude.com/docs/apis/developer/projects/list-projects). Its id is the
// numeric app id, written as digits.
type project struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Seed makes the project the sandbox starts from and returns to on reset,
// made 90 days before the seed.
func (st *state) Seed(now time.Time) {
	created := now.Add(-90 * 24 * time.Hour).Truncate(time.Hour)
	*st = state{Project: project{
		ID: ProjectID, Name: "Production", Description: "The Amplitude project the sandbox emulates", CreatedAt: created, UpdatedAt: created,
	}}
}

// Count counts the objects for GET /_sandbox/stats.
func (st *state) Count(map[string]int) {}

// The organisation the sandbox's tokens belong to, which GET /v1/context
// reports. Its id and name are the sandbox's own.
const (
	orgID   = "1001"
	orgName = "Sandbox org"
)

// getContext answers who the token speaks for, in which org
// (amplitude.com/docs/apis/developer/projects/get-authenticated-context).
// The sandbox's tokens are Personal Access Tokens.
func (a *API) getContext(w http.ResponseWriter, r *http.Request) {
	p := principalOf(r)
	WriteData(w, http.StatusOK, map[string]any{
		"object": "context",
		"principal": map[string]any{
			"object": "principal", "login_id": p.loginID, "org_id": orgID, "org_name": orgName, "auth_type": "pat", "scopes": p.scopes,
		},
		"org": map[string]any{"id": orgID, "object": "org", "name": orgName},
	})
}

// listProjects lists the one project when it matches q, the vendor's
// "full-text search query", which the sandbox reads as a case-insensitive
// part of the name. With one project the sort order cannot show; the
// document limits sort to the vendor's values.
func (a *API) listProjects(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p, err := ParsePage(q)
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	var matching []project
	a.store.Read(func(*core.Tx) {
		if Matches(a.state.Project.Name, q.Get("q")) {
			matching = append(matching, a.state.Project)
		}
	})
	page, next, err := PageOf(matching, func(project) int64 { return 1 }, p, a.searchWindow)
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	views := []map[string]any{}
	for _, p := range page {
		views = append(views, map[string]any{
			"id": p.ID, "object": "project", "name": p.Name, "description": p.Description,
			"created_at": core.FormatTime(p.CreatedAt), "updated_at": core.FormatTime(p.UpdatedAt),
		})
	}
	WriteList(w, views, next)
}

// Matches reports whether name matches a list's q, the vendor's "full-text
// search query", which the sandbox reads as a case-insensitive part of the
// name.
func Matches(name, q string) bool {
	return strings.Contains(strings.ToLower(name), strings.ToLower(q))
}

// inProject admits only requests for the sandbox's project. The document
// limits project_id to digits, and any digits other than the project's name
// a project the token cannot see, which gets 404 not_found. The vendor
// declares no 404 on several of these paths; the document notes that.
func (a *API) inProject(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if id := r.PathValue("project_id"); id != ProjectID {
			core.Fail(a, w, r, Refuse(http.StatusNotFound, CodeNotFound, "no project %s is visible to this token", id))
			return
		}
		next.ServeHTTP(w, r)
	})
}
