package developerapi

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
)

// eventProperty is a property of one event
// (amplitude.com/docs/apis/developer/taxonomy-event-properties/get-event-property:
// its id is its property_name). Event properties are kept in (event type,
// property name) order, so an event's are one run of the slice, in name
// order.
type eventProperty struct {
	EventType string `json:"event_type"`
	taxonomyProperty
}

type eventPropertyView struct {
	ID           string  `json:"id"`
	Object       string  `json:"object"`
	ProjectID    string  `json:"project_id"`
	EventType    string  `json:"event_type"`
	PropertyName string  `json:"property_name"`
	Description  *string `json:"description"`
	propertyView
}

func (p *eventProperty) view() eventPropertyView {
	return eventPropertyView{
		ID:           p.Name,
		Object:       "event_property",
		ProjectID:    ProjectID,
		EventType:    p.EventType,
		PropertyName: p.Name,
		Description:  p.Description,
		propertyView: p.metadataView(),
	}
}

func compareEventProperty(p eventProperty, eventType, name string) int {
	return cmp.Or(strings.Compare(p.EventType, eventType), strings.Compare(p.Name, name))
}

// eventPropertyAt finds an event's property, deleted or not, or where it
// would go.
func (st *state) eventPropertyAt(eventType, name string) (int, bool) {
	return slices.BinarySearchFunc(st.EventProperties, eventType, func(p eventProperty, t string) int {
		return compareEventProperty(p, t, name)
	})
}

// eventProperties is the run of an event's properties, deleted ones
// included.
func (st *state) eventProperties(eventType string) []eventProperty {
	start, _ := st.eventPropertyAt(eventType, "")
	end := start
	for end < len(st.EventProperties) && st.EventProperties[end].EventType == eventType {
		end++
	}
	return st.EventProperties[start:end]
}

// liveEventProperty finds a property that is not deleted of a live event.
func (st *state) liveEventProperty(eventType, name string) (int, error) {
	if _, err := st.liveEvent(eventType); err != nil {
		return -1, err
	}
	i, found := st.eventPropertyAt(eventType, name)
	if !found || st.EventProperties[i].Deleted {
		return -1, refuseWith(http.StatusNotFound, codeNotFound, "event %q has no property %q", eventType, name)
	}
	return i, nil
}
