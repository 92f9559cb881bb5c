package destinations

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// The destinations' endpoints: list, create, get, PATCH and test under
// /v1/projects/{project_id}/destinations
// (amplitude.com/docs/apis/developer/destinations/list-destinations,
// create-a-destination, get-a-destination, update-a-destination,
// test-an-event-streaming-destination-connection).

// listDestinations pages through the destinations in creation order that
// match the filters: q, the vendor's "full-text search query", which the
// sandbox reads as a case-insensitive part of display_name; partner;
// enabled; and kind, which a destination matches when its kind includes it.
// The document has already checked the filters' values.
func (a *API) listDestinations(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p, err := developerapi.ParsePage(q)
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	match := func(d *destination) bool {
		return developerapi.Matches(d.DisplayName, q.Get("q")) &&
			(!q.Has("partner") || d.Partner == q.Get("partner")) &&
			(!q.Has("enabled") || strconv.FormatBool(d.Enabled) == q.Get("enabled")) &&
			(!q.Has("kind") || slices.Contains(d.Kind, q.Get("kind")))
	}
	var views []map[string]any
	var next *string
	a.store.Read(func(tx *core.Tx) {
		var matching, page []destination
		for i := range a.state.Destinations {
			if match(&a.state.Destinations[i]) {
				matching = append(matching, a.state.Destinations[i])
			}
		}
		page, next, err = developerapi.PageOf(matching, func(d destination) int64 { return d.Seq }, p, a.dev.SearchWindow())
		for i := range page {
			views = append(views, a.view(tx, &page[i]))
		}
	})
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	developerapi.WriteList(w, views, next)
}

// createDestination makes a destination and answers 201. Every create makes
// a new destination, because display_name does not identify one.
func (a *API) createDestination(w http.ResponseWriter, r *http.Request) {
	var req request
	if err := core.ReadJSON(r, &req); err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	by := writer{now: a.dev.Now(), by: developerapi.LoginID(r)}
	a.write(w, r, http.StatusCreated, func(tx *core.Tx) (*destination, destination, error) {
		d, err := a.planCreate(tx, &req, by)
		return nil, d, err
	}, func(d *destination) {
		a.state.NextSeq++
		d.ID, d.Seq = core.NewUUID(), a.state.NextSeq
		a.state.Destinations = append(a.state.Destinations, *d)
	})
}

func (a *API) getDestination(w http.ResponseWriter, r *http.Request) {
	var view map[string]any
	a.store.Read(func(tx *core.Tx) {
		if i := a.state.index(r.PathValue("id")); i >= 0 {
			view = a.view(tx, &a.state.Destinations[i])
		}
	})
	if view == nil {
		core.Fail(a.dev, w, r, unknownDestination(r.PathValue("id")))
		return
	}
	developerapi.WriteData(w, http.StatusOK, view)
}

// updateDestination serves PATCH: the members sent change, and the others
// stay as they are.
func (a *API) updateDestination(w http.ResponseWriter, r *http.Request) {
	ifMatch, err := parseIfMatch(r.Header)
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	var req request
	if err := core.ReadJSON(r, &req); err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	id, by := r.PathValue("id"), writer{now: a.dev.Now(), by: developerapi.LoginID(r)}
	i := -1
	a.write(w, r, http.StatusOK, func(tx *core.Tx) (*destination, destination, error) {
		if i = a.state.index(id); i < 0 {
			return nil, destination{}, unknownDestination(id)
		}
		d, err := a.planUpdate(tx, i, &req, ifMatch, by)
		return &a.state.Destinations[i], d, err
	}, func(d *destination) { a.state.Destinations[i] = *d })
}

// write answers a create or a PATCH. Under the store's lock, plan returns
// the stored destination (nil for a create) and the destination the write
// would make of it. keep stores the result, and the answer is the
// destination, with status. With dry_run=true nothing is kept, and the
// answer is 200 with the destination as it would be and the plan: {"action":
// create, update or noop, "dry_run": true, "diff", "warnings"} (the vendor's
// PlanDetails, create-a-destination).
func (a *API) write(w http.ResponseWriter, r *http.Request, status int, plan func(*core.Tx) (*destination, destination, error), keep func(*destination)) {
	dryRun := r.URL.Query().Get("dry_run") == "true"
	var answer map[string]any
	change := func(tx *core.Tx) error {
		before, d, err := plan(tx)
		switch {
		case err != nil:
			return err
		case !dryRun:
			keep(&d)
			answer = map[string]any{"data": a.view(tx, &d)}
			return nil
		}
		diff, action := a.planDiff(before, &d), "update"
		if before == nil {
			action = "create"
		} else if len(diff) == 0 {
			action = "noop"
		}
		answer = map[string]any{"data": a.view(tx, &d), "plan": map[string]any{
			"action": action, "dry_run": true, "diff": diff, "warnings": a.warnings(tx, &d),
		}}
		return nil
	}
	var err error
	if dryRun {
		a.store.Read(func(tx *core.Tx) { err = change(tx) })
		status = http.StatusOK
	} else {
		err = a.store.Update(change)
	}
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	core.WriteJSON(w, status, answer)
}

// testDestination tests an event stream's connection. A cohort destination
// streams nothing, so there is nothing to test; the vendor documents no
// answer for one, and the sandbox answers 422 invalid_config.
func (a *API) testDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var result map[string]any
	var err error
	a.store.Read(func(tx *core.Tx) {
		i := a.state.index(id)
		switch {
		case i < 0:
			err = unknownDestination(id)
		case !a.state.Destinations[i].streams():
			err = developerapi.Refuse(http.StatusUnprocessableEntity, developerapi.CodeInvalidConfig,
				"test is for event streaming destinations; destination %s is of kind %s", id, strings.Join(a.state.Destinations[i].Kind, ", "))
		default:
			result = a.try(tx, &a.state.Destinations[i])
		}
	})
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	developerapi.WriteData(w, http.StatusOK, result)
}

func unknownDestination(id string) error {
	return developerapi.Refuse(http.StatusNotFound, developerapi.CodeNotFound, "no destination %s in project %s", id, developerapi.ProjectID)
}

// parseIfMatch reads If-Match, which holds a destination's version as a bare
// integer (update-a-destination); the document has already checked that it
// is an integer. The rule that it is sent once and without a sign is the
// sandbox's own.
func parseIfMatch(h http.Header) (*int, error) {
	values := h.Values("If-Match")
	if len(values) == 0 {
		return nil, nil
	}
	version, err := strconv.Atoi(values[0])
	if len(values) > 1 || err != nil || strings.HasPrefix(values[0], "+") {
		return nil, developerapi.RefuseField(http.StatusBadRequest, developerapi.CodeValidationError, "If-Match", core.ProblemInvalidValue,
			"If-Match %q must be the destination's version as a bare integer, such as 3", strings.Join(values, ", "))
	}
	return &version, nil
}
