package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The Developer API's destinations: list, create, get, PATCH and test
// under /v1/projects/{project_id}/destinations (DESIGN.md §3.1). There is
// no delete: the routes answer 405, and a destination leaves only as a
// dashboard user would remove it (DELETE /_sandbox/destinations/{id}).

func (s *Server) listDestinations(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p, err := parseDeveloperPage(q)
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	match, err := parseDestinationFilters(q)
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	var views []destinationView
	var next *string
	s.store.read(func(st *state) {
		var matching, items []destination
		for i := range st.Destinations {
			if match(&st.Destinations[i]) {
				matching = append(matching, st.Destinations[i])
			}
		}
		items, next, err = developerPageOf(matching, func(d destination) int64 { return d.Seq }, p, s.searchWindow)
		for i := range items {
			views = append(views, st.destinationView(&items[i]))
		}
	})
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	writeDeveloperList(w, views, next)
}

// parseDestinationFilters reads the list's filters: q, a case-insensitive
// part of display_name; partner; enabled; and kind, which a destination
// matches when its kind contains it.
func parseDestinationFilters(q url.Values) (func(*destination) bool, error) {
	var problems fieldProblems
	if q.Has("partner") && q.Get("partner") == "" {
		problems.add("partner", problemTooShort, "partner must not be empty: one of %s", partnerNames())
	}
	enabled := parseBoolParam(q, "enabled", &problems)
	if q.Has("kind") && !slices.Contains(destinationKinds, q.Get("kind")) {
		problems.add("kind", problemInvalidValue, "kind %q is not a kind: use %s", q.Get("kind"), strings.Join(destinationKinds, ", "))
	}
	if err := problems.err(http.StatusBadRequest, codeValidationError); err != nil {
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

func (s *Server) createDestination(w http.ResponseWriter, r *http.Request) {
	dryRun, err := parseDryRun(r.URL.Query())
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	req, err := decodeDestinationRequest(r, true)
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	wc := s.writeContext(r)
	if dryRun {
		var answer dryRunAnswer
		s.store.read(func(st *state) {
			var d destination
			if d, err = planCreate(st, &req, wc); err == nil {
				answer = dryRunAnswer{Data: st.destinationView(&d), Plan: destinationPlan{
					Action: planCreateAction, DryRun: true, Diff: planDiff(nil, &d), Warnings: st.destinationWarnings(&d),
				}}
			}
		})
		s.answerDryRun(w, r, answer, err)
		return
	}
	var view destinationView
	err = s.store.update(func(st *state) error {
		d, err := planCreate(st, &req, wc)
		if err != nil {
			return err
		}
		d.ID = newUUID()
		d.Seq = st.nextSeq()
		st.Destinations = append(st.Destinations, d)
		view = st.destinationView(&d)
		return nil
	})
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	writeDeveloperData(w, http.StatusCreated, view)
}

func (s *Server) getDestination(w http.ResponseWriter, r *http.Request) {
	var view *destinationView
	s.store.read(func(st *state) {
		if i := st.destinationByID(r.PathValue("id")); i >= 0 {
			v := st.destinationView(&st.Destinations[i])
			view = &v
		}
	})
	if view == nil {
		fail(s.developer, w, r, unknownDestination(r.PathValue("id")))
		return
	}
	writeDeveloperData(w, http.StatusOK, view)
}

// updateDestination is PATCH: the fields sent change, the others stay;
// If-Match, when sent, must name the current version.
func (s *Server) updateDestination(w http.ResponseWriter, r *http.Request) {
	dryRun, err := parseDryRun(r.URL.Query())
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	ifMatch, err := parseIfMatch(r.Header)
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	req, err := decodeDestinationRequest(r, false)
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	id := r.PathValue("id")
	wc := s.writeContext(r)
	if dryRun {
		var answer dryRunAnswer
		s.store.read(func(st *state) {
			i := st.destinationByID(id)
			if i < 0 {
				err = unknownDestination(id)
				return
			}
			var d destination
			if d, err = planUpdate(st, i, &req, ifMatch, wc); err == nil {
				plan := destinationPlan{Action: planNoop, DryRun: true, Diff: planDiff(&st.Destinations[i], &d), Warnings: st.destinationWarnings(&d)}
				if len(plan.Diff) > 0 {
					plan.Action = planUpdateAction
				}
				answer = dryRunAnswer{Data: st.destinationView(&d), Plan: plan}
			}
		})
		s.answerDryRun(w, r, answer, err)
		return
	}
	var view destinationView
	err = s.store.update(func(st *state) error {
		i := st.destinationByID(id)
		if i < 0 {
			return unknownDestination(id)
		}
		d, err := planUpdate(st, i, &req, ifMatch, wc)
		if err != nil {
			return err
		}
		st.Destinations[i] = d
		view = st.destinationView(&d)
		return nil
	})
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	writeDeveloperData(w, http.StatusOK, view)
}

// testDestination tries an event stream's connection; a cohort destination
// streams nothing to try.
func (s *Server) testDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var result destinationTestResult
	var err error
	s.store.read(func(st *state) {
		i := st.destinationByID(id)
		switch {
		case i < 0:
			err = unknownDestination(id)
		case !st.Destinations[i].streams():
			err = refuseWith(http.StatusUnprocessableEntity, codeInvalidConfig,
				"test is for event streaming destinations; destination %s is of kind %s", id, strings.Join(st.Destinations[i].Kind, ", "))
		default:
			result = st.testDestination(&st.Destinations[i], s.now())
		}
	})
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	writeDeveloperData(w, http.StatusOK, result)
}

func (s *Server) answerDryRun(w http.ResponseWriter, r *http.Request, answer dryRunAnswer, err error) {
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, answer)
}

func (s *Server) writeContext(r *http.Request) writeContext {
	return writeContext{now: s.now(), by: principalOf(r).loginID}
}

func unknownDestination(id string) error {
	return refuseWith(http.StatusNotFound, codeNotFound, "no destination %s in project %s", id, AmplitudeProjectID)
}

// parseDryRun reads dry_run: true asks for a plan; false, or none, for the
// write itself.
func parseDryRun(q url.Values) (bool, error) {
	var problems fieldProblems
	dryRun := parseBoolParam(q, "dry_run", &problems)
	return dryRun != nil && *dryRun, problems.err(http.StatusBadRequest, codeValidationError)
}

// parseIfMatch reads If-Match: a destination's version as a bare integer,
// not an ETag.
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
