package developerapi

import (
	"net/http"
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// GET /v1/context and GET /v1/projects
// (amplitude.com/docs/apis/developer/projects/get-authenticated-context,
// list-projects), and the project check of every project-scoped path.

func (a *API) getContext(w http.ResponseWriter, r *http.Request) {
	writeData(w, http.StatusOK, principalOf(r).contextView())
}

// projectSorts are the sort values the projects list takes, updated_at and
// name, a leading - sorting descending (list-projects, sort). With one
// project the order never shows, but a bad value is refused as the vendor
// would.
var projectSorts = []string{"updated_at", "-updated_at", "name", "-name"}

func (a *API) listProjects(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	p, err := parsePage(query)
	var problems core.FieldProblems
	if query.Has("sort") && !slices.Contains(projectSorts, query.Get("sort")) {
		problems.Add("sort", problemInvalidValue, "sort %q is not valid: use updated_at or name, with a leading - for descending order", query.Get("sort"))
	}
	if err == nil {
		err = problems.Err(http.StatusBadRequest, codeValidationError)
	}
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var views []projectView
	var next *string
	a.read(func(_ *core.Tx, st *state) {
		var matching []project
		if st.Project.matches(query.Get("q")) {
			matching = append(matching, st.Project)
		}
		var items []project
		// The one project sorts first.
		items, next, err = pageOf(matching, func(project) int64 { return 1 }, p, a.searchWindow)
		for i := range items {
			views = append(views, items[i].view())
		}
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeList(w, views, next)
}

// inProject admits requests for the sandbox's project: its id is digits
// (the vendor's project_id pattern), and any other digits name a project the
// token cannot see. The vendor declares no 400 or 404 on several of these
// paths; the sandbox's answers (described in
// api/amplitude-developer.openapi.yaml) are 400 validation_error and 404
// not_found.
func (a *API) inProject(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("project_id")
		if !isDigits(id) {
			core.Fail(a.vendor, w, r, refuseField(http.StatusBadRequest, codeValidationError, "project_id", problemInvalidValue,
				"project_id %q must be digits, the project's id as GET /v1/projects lists it", id))
			return
		}
		if id != ProjectID {
			core.Fail(a.vendor, w, r, refuseWith(http.StatusNotFound, codeNotFound, "no project %s is visible to this token", id))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
