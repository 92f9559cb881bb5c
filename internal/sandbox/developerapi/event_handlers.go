package developerapi

import (
	"net/http"
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The Developer API's events: list, create, get, PATCH and soft delete under
// /v1/projects/{project_id}/events
// (amplitude.com/docs/apis/developer/taxonomy-events/list-event-taxonomy-entries,
// create-event-taxonomy-entry, get-event-taxonomy-entry,
// update-event-taxonomy-entry, soft-delete-event-taxonomy-entry). Every
// write runs under its required Idempotency-Key (idempotency.go).

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) {
	listPlan(a, w, r, func(st *state) ([]event, error) { return st.Events, nil }, (*event).view)
}

// createEvent adds an event to the plan, answering 201. A soft-deleted
// event of the type is restored with the body's description and made active
// again; a live one is a conflict, the 409 the vendor declares, whose code
// already_exists is the sandbox's.
func (a *API) createEvent(w http.ResponseWriter, r *http.Request) {
	req, err := decodeTaxonomyRequest(r, eventCreateBody)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	eventType := req.eventType.value
	created := event{EventType: eventType, DisplayName: eventType, Description: req.description.value, IsActive: true}
	err = a.update(func(_ *core.Tx, st *state) error {
		i, found := st.eventAt(eventType)
		switch {
		case !found:
			st.Events = slices.Insert(st.Events, i, created)
		case st.Events[i].Deleted:
			created.DisplayName = st.Events[i].DisplayName
			st.Events[i] = created
		default:
			return refuseWith(http.StatusConflict, codeAlreadyExists, "event %s already exists: change it with PATCH, or import it", eventType)
		}
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusCreated, created.view())
}

func (a *API) getEvent(w http.ResponseWriter, r *http.Request) {
	getPlan(a, w, r, func(st *state) ([]event, int, error) {
		i, err := st.liveEvent(r.PathValue("event_id"))
		return st.Events, i, err
	}, (*event).view)
}

// updateEvent is PATCH (update-event-taxonomy-entry): description (null
// clears it) and is_active.
func (a *API) updateEvent(w http.ResponseWriter, r *http.Request) {
	req, err := decodeTaxonomyRequest(r, eventPatchBody)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var view eventView
	err = a.update(func(_ *core.Tx, st *state) error {
		i, err := st.liveEvent(r.PathValue("event_id"))
		if err != nil {
			return err
		}
		e := st.Events[i]
		setIfSentField(&e.Description, req.description)
		setIfSentField(&e.IsActive, req.isActive)
		st.Events[i] = e
		view = e.view()
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusOK, view)
}

// deleteEvent soft-deletes an event, 204, or with dry_run=true only checks
// that it could (soft-delete-event-taxonomy-entry). Its properties go with
// it, and a restored event comes back without them: the vendor does not
// say; the sandbox's choice.
func (a *API) deleteEvent(w http.ResponseWriter, r *http.Request) {
	eventType := r.PathValue("event_id")
	a.softDelete(w, r, func(st *state) (int, error) { return st.liveEvent(eventType) }, func(st *state, i int) {
		st.Events[i].Deleted = true
		properties := st.eventProperties(eventType)
		for j := range properties {
			properties[j].Deleted = true
		}
	})
}
