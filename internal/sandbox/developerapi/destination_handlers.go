package developerapi

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The Developer API's destinations: list, create, get, PATCH and test under
// /v1/projects/{project_id}/destinations
// (amplitude.com/docs/apis/developer/destinations/list-destinations,
// create-a-destination, get-a-destination, update-a-destination,
// test-an-event-streaming-destination-connection). There is no delete: the
// routes answer 405 method_not_allowed (open point: DELETE, x-modelled in
// api/amplitude-developer.openapi.yaml), and a destination leaves only as a
// dashboard user would remove it (DELETE /_sandbox/destinations/{id}).

func (a *API) listDestinations(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p, err := parsePage(q)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	match, err := parseDestinationFilters(q)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var views []destinationView
	var next *string
	a.read(func(tx *core.Tx, st *state) {
		var matching, items []destination
		for i := range st.Destinations {
			if match(&st.Destinations[i]) {
				matching = append(matching, st.Destinations[i])
			}
		}
		items, next, err = pageOf(matching, func(d destination) int64 { return d.Seq }, p, a.searchWindow)
		for i := range items {
			views = append(views, a.destinationView(tx, &items[i]))
		}
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeList(w, views, next)
}

// parseDestinationFilters reads the list's filters (list-destinations): q,
// the vendor's "full-text search query", which the sandbox reads as a
// case-insensitive part of display_name; partner, not empty; enabled; and
// kind, which a destination matches when its kind contains it.
func parseDestinationFilters(q url.Values) (func(*destination) bool, error) {
	var problems core.FieldProblems
	if q.Has("partner") && q.Get("partner") == "" {
		problems.Add("partner", problemTooShort, "partner must not be empty: one of %s", partnerNames())
	}
	enabled := parseBoolParam(q, "enabled", &problems)
	if q.Has("kind") && !slices.Contains(destinationKinds, q.Get("kind")) {
		problems.Add("kind", problemInvalidValue, "kind %q is not a kind: use %s", q.Get("kind"), strings.Join(destinationKinds, ", "))
	}
	if err := problems.Err(http.StatusBadRequest, codeValidationError); err != nil {
		return nil, err
	}
	name := strings.ToLower(q.Get("q"))
	return func(d *destination) bool {
		return strings.Contains(strings.ToLower(d.DisplayName), name) &&
			(!q.Has("partner") || d.Partner == q.Get("partner")) &&
			(enabled == nil || d.Enabled == *enabled) &&
			(!q.Has("kind") || d.hasKind(q.Get("kind")))
	}, nil
}

func (a *API) createDestination(w http.ResponseWriter, r *http.Request) {
	dryRun, err := parseDryRun(r.URL.Query())
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	req, err := decodeDestinationRequest(r, true)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	wc := a.writeContext(r)
	if dryRun {
		var answer dryRunAnswer
		a.read(func(tx *core.Tx, st *state) {
			var d destination
			if d, err = a.planCreate(tx, &req, wc); err == nil {
				answer = dryRunAnswer{Data: a.destinationView(tx, &d), Plan: destinationPlan{
					Action: planCreateAction, DryRun: true, Diff: planDiff(nil, &d), Warnings: st.destinationWarnings(&d),
				}}
			}
		})
		a.answerDryRun(w, r, answer, err)
		return
	}
	var view destinationView
	err = a.update(func(tx *core.Tx, st *state) error {
		d, err := a.planCreate(tx, &req, wc)
		if err != nil {
			return err
		}
		d.ID = core.NewUUID()
		d.Seq = st.nextSeq()
		st.Destinations = append(st.Destinations, d)
		view = a.destinationView(tx, &d)
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusCreated, view)
}

func (a *API) getDestination(w http.ResponseWriter, r *http.Request) {
	var view *destinationView
	a.read(func(tx *core.Tx, st *state) {
		if i := st.destinationByID(r.PathValue("id")); i >= 0 {
			v := a.destinationView(tx, &st.Destinations[i])
			view = &v
		}
	})
	if view == nil {
		core.Fail(a.vendor, w, r, unknownDestination(r.PathValue("id")))
		return
	}
	writeData(w, http.StatusOK, view)
}

// updateDestination is PATCH (update-a-destination): the fields sent
// change, the others stay; If-Match, when sent, must name the current
// version.
func (a *API) updateDestination(w http.ResponseWriter, r *http.Request) {
	dryRun, err := parseDryRun(r.URL.Query())
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	ifMatch, err := parseIfMatch(r.Header)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	req, err := decodeDestinationRequest(r, false)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	id := r.PathValue("id")
	wc := a.writeContext(r)
	if dryRun {
		var answer dryRunAnswer
		a.read(func(tx *core.Tx, st *state) {
			i := st.destinationByID(id)
			if i < 0 {
				err = unknownDestination(id)
				return
			}
			var d destination
			if d, err = a.planUpdate(tx, i, &req, ifMatch, wc); err == nil {
				plan := destinationPlan{Action: planNoop, DryRun: true, Diff: planDiff(&st.Destinations[i], &d), Warnings: st.destinationWarnings(&d)}
				if len(plan.Diff) > 0 {
					plan.Action = planUpdateAction
				}
				answer = dryRunAnswer{Data: a.destinationView(tx, &d), Plan: plan}
			}
		})
		a.answerDryRun(w, r, answer, err)
		return
	}
	var view destinationView
	err = a.update(func(tx *core.Tx, st *state) error {
		i := st.destinationByID(id)
		if i < 0 {
			return unknownDestination(id)
		}
		d, err := a.planUpdate(tx, i, &req, ifMatch, wc)
		if err != nil {
			return err
		}
		st.Destinations[i] = d
		view = a.destinationView(tx, &d)
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusOK, view)
}

// testDestination tries an event stream's connection
// (test-an-event-streaming-destination-connection). A cohort destination
// streams nothing to try: the vendor documents no answer for one, and the
// sandbox's is 422 invalid_config.
func (a *API) testDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var result destinationTestResult
	var err error
	a.read(func(tx *core.Tx, st *state) {
		i := st.destinationByID(id)
		switch {
		case i < 0:
			err = unknownDestination(id)
		case !st.Destinations[i].streams():
			err = refuseWith(http.StatusUnprocessableEntity, codeInvalidConfig,
				"test is for event streaming destinations; destination %s is of kind %s", id, strings.Join(st.Destinations[i].Kind, ", "))
		default:
			result = a.tryDestination(tx, &st.Destinations[i], tx.Now())
		}
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusOK, result)
}

func (a *API) answerDryRun(w http.ResponseWriter, r *http.Request, answer dryRunAnswer, err error) {
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	core.WriteJSON(w, http.StatusOK, answer)
}

func (a *API) writeContext(r *http.Request) writeContext {
	return writeContext{now: a.sb.Now(), by: principalOf(r).loginID}
}

func unknownDestination(id string) error {
	return refuseWith(http.StatusNotFound, codeNotFound, "no destination %s in project %s", id, ProjectID)
}

// parseIfMatch reads If-Match: a destination's version as a bare integer
// of 0 or more, not an ETag (update-a-destination).
func parseIfMatch(h http.Header) (*int, error) {
	values := h.Values("If-Match")
	if len(values) == 0 {
		return nil, nil
	}
	value := strings.TrimSpace(values[0])
	version, err := strconv.Atoi(value)
	if len(values) > 1 || err != nil || version < 0 || strings.HasPrefix(value, "+") {
		return nil, refuseField(http.StatusBadRequest, codeValidationError, "If-Match", problemInvalidValue,
			"If-Match %q must be the destination's version as a bare integer, such as 3", strings.Join(values, ", "))
	}
	return &version, nil
}
