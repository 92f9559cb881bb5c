package taxonomy

import (
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// The tracking plan's events: list, create, get, PATCH and soft delete under
// /v1/projects/{project_id}/events
// (amplitude.com/docs/apis/developer/taxonomy-events/): an event's id is
// its event type.

type event struct {
	EventType string `json:"event_type"`
	// DisplayName is read-only: it equals the event type unless someone
	// changes it in the dashboard, which the sandbox does not have.
	DisplayName string  `json:"display_name"`
	Description *string `json:"description"`
	IsActive    bool    `json:"is_active"`
	Deleted     bool    `json:"deleted"`
}

func (e event) planName() string { return e.EventType }

func (e event) deleted() bool { return e.Deleted }

func (e *event) view() map[string]any {
	return map[string]any{
		"id": e.EventType, "object": "event", "project_id": developerapi.ProjectID, "event_type": e.EventType,
		"display_name": e.DisplayName, "description": e.Description, "is_active": e.IsActive,
	}
}

// eventAt returns the position of the event of a type, deleted or not, and
// true; or, when there is none, the position where it would go, and false.
func (st *state) eventAt(eventType string) (int, bool) {
	return slices.BinarySearchFunc(st.Events, eventType, func(e event, t string) int { return strings.Compare(e.EventType, t) })
}

// liveEvent returns the position of the event of a type, or a 404 when the
// event does not exist or is deleted.
func (st *state) liveEvent(eventType string) (int, error) {
	i, found := st.eventAt(eventType)
	if !found || st.Events[i].Deleted {
		return -1, developerapi.Refuse(http.StatusNotFound, developerapi.CodeNotFound, "no event %q in project %s", eventType, developerapi.ProjectID)
	}
	return i, nil
}

// HasLiveEvent reports whether the plan holds the event type, not deleted.
// A destination's dry run uses it to warn about filtered events that are
// not in the plan.
func (a *API) HasLiveEvent(_ *core.Tx, eventType string) bool {
	_, err := a.state.liveEvent(eventType)
	return err == nil
}

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) {
	list(a, w, r, func(st *state) ([]event, error) { return st.Events, nil }, (*event).view)
}

func (a *API) getEvent(w http.ResponseWriter, r *http.Request) {
	get(a, w, r, func(st *state) (map[string]any, error) {
		i, err := st.liveEvent(r.PathValue("event_id"))
		if err != nil {
			return nil, err
		}
		return st.Events[i].view(), nil
	})
}

// createEvent adds an event to the plan, 201. A deleted event of the type
// is brought back with the body's description and made active again; a
// live one is a 409, which the vendor declares without saying when, with
// the sandbox's code already_exists (open point: Create of an existing
// name).
func (a *API) createEvent(w http.ResponseWriter, r *http.Request) {
	req, ok := a.decode(w, r)
	if !ok {
		return
	}
	update(a, w, r, http.StatusCreated, func(st *state) (map[string]any, error) {
		created := event{EventType: req.EventType, DisplayName: req.EventType, Description: req.Description.Value, IsActive: true}
		i, found := st.eventAt(req.EventType)
		switch {
		case !found:
			st.Events = slices.Insert(st.Events, i, created)
		case st.Events[i].Deleted:
			created.DisplayName = st.Events[i].DisplayName
			st.Events[i] = created
		default:
			return nil, developerapi.Refuse(http.StatusConflict, "already_exists", "event %s already exists: change it with PATCH, or import it", req.EventType)
		}
		return created.view(), nil
	})
}

// updateEvent changes the description (null clears it) and is_active
// (update-event-taxonomy-entry).
func (a *API) updateEvent(w http.ResponseWriter, r *http.Request) {
	req, ok := a.decode(w, r)
	if !ok {
		return
	}
	update(a, w, r, http.StatusOK, func(st *state) (map[string]any, error) {
		i, err := st.liveEvent(r.PathValue("event_id"))
		if err != nil {
			return nil, err
		}
		e := &st.Events[i]
		req.Description.SetTo(&e.Description)
		req.IsActive.SetTo(&e.IsActive)
		return e.view(), nil
	})
}

// deleteEvent soft-deletes an event and its properties
// (soft-delete-event-taxonomy-entry). A restored event comes back without
// its properties; the vendor does not say, so this is the sandbox's choice.
func (a *API) deleteEvent(w http.ResponseWriter, r *http.Request) {
	eventType := r.PathValue("event_id")
	softDelete(a, w, r, func(st *state) (int, error) { return st.liveEvent(eventType) }, func(st *state, i int) {
		st.Events[i].Deleted = true
		properties := st.eventProperties(eventType)
		for j := range properties {
			properties[j].Deleted = true
		}
	})
}
