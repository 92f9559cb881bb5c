package amplitudeapi

import (
	"net/http"
	"net/url"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// listCohorts is the Behavioral Cohorts API's "Get all cohorts"
// (amplitude.com/docs/apis/analytics/behavioral-cohorts#get-all-cohorts):
// {"cohorts": [...]} without the success envelope, all in one answer.
// syncMetadata is present only with includeSyncInfo=true; the docs do not
// say what happens without it, and leaving it out is the cheaper answer a
// real service would give. Nor do they say what another value of it
// answers: the sandbox's 400 (queryBool).
func (a *API) listCohorts(w http.ResponseWriter, r *http.Request) {
	includeSyncInfo, err := queryBool(r.URL.Query(), "includeSyncInfo")
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var views []cohortView
	a.read(func(_ *core.Tx, st *state) {
		views = make([]cohortView, len(st.Cohorts))
		now := a.sb.Now()
		for i := range st.Cohorts {
			views[i] = st.Cohorts[i].view()
			if includeSyncInfo {
				metadata := st.syncMetadata(st.Cohorts[i].ID, now)
				views[i].SyncMetadata = &metadata
			}
		}
	})
	core.WriteJSON(w, http.StatusOK, map[string][]cohortView{"cohorts": views})
}

// queryBool reads a Boolean query parameter such as includeSyncInfo, which
// the docs send as "true".
func queryBool(q url.Values, name string) (bool, error) {
	switch value := q.Get(name); value {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	default:
		return false, core.Refuse(http.StatusBadRequest, "%s %q must be true or false", name, value)
	}
}
