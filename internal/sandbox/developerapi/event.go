package developerapi

import (
	"net/http"
	"slices"
	"strings"
)

// event is an event type of the project's tracking plan
// (amplitude.com/docs/apis/developer/taxonomy-events/get-event-taxonomy-entry:
// its id is its event_type). Events are kept in event_type order, the lists'
// order, compared byte by byte: the vendor documents no order, and this one
// is total and stable.
type event struct {
	EventType string `json:"event_type"`
	// DisplayName is read-only: it equals the event type unless someone
	// changes it in the dashboard, which the sandbox has none of.
	DisplayName string  `json:"display_name"`
	Description *string `json:"description"`
	IsActive    bool    `json:"is_active"`
	// Deleted is a soft delete (soft-delete-event-taxonomy-entry): gone from
	// every answer until a create of the event type restores it, which the
	// vendor does not document: the sandbox's choice.
	Deleted bool `json:"deleted"`
}

type eventView struct {
	ID          string  `json:"id"`
	Object      string  `json:"object"`
	ProjectID   string  `json:"project_id"`
	EventType   string  `json:"event_type"`
	DisplayName string  `json:"display_name"`
	Description *string `json:"description"`
	IsActive    bool    `json:"is_active"`
}

func (e event) planName() string { return e.EventType }

func (e event) isDeleted() bool { return e.Deleted }

func (e *event) view() eventView {
	return eventView{
		ID:          e.EventType,
		Object:      "event",
		ProjectID:   ProjectID,
		EventType:   e.EventType,
		DisplayName: e.DisplayName,
		Description: e.Description,
		IsActive:    e.IsActive,
	}
}

// eventAt finds the event of a type, deleted or not, or where it would go.
func (st *state) eventAt(eventType string) (int, bool) {
	return slices.BinarySearchFunc(st.Events, eventType, func(e event, t string) int { return strings.Compare(e.EventType, t) })
}

// liveEvent finds an event that is not deleted; any other is not found.
func (st *state) liveEvent(eventType string) (int, error) {
	i, found := st.eventAt(eventType)
	if !found || st.Events[i].Deleted {
		return -1, refuseWith(http.StatusNotFound, codeNotFound, "no event %q in project %s", eventType, ProjectID)
	}
	return i, nil
}

// hasLiveEvent reports whether the tracking plan holds an event type.
func (st *state) hasLiveEvent(eventType string) bool {
	_, err := st.liveEvent(eventType)
	return err == nil
}
