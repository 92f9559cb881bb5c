package taxonomy

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// The properties of an event, under
// /v1/projects/{project_id}/events/{event_id}/event-properties
// (amplitude.com/docs/apis/developer/taxonomy-event-properties/): a
// property's id is its name. Every path answers 404 for an event that is
// unknown or deleted.

type eventProperty struct {
	EventType string `json:"event_type"`
	property
}

func (p *eventProperty) view() map[string]any {
	v := p.property.view("event_property")
	v["event_type"] = p.EventType
	return v
}

// eventPropertyAt returns the position of an event's property, deleted or
// not, and true; or, when there is none, the position where it would go,
// and false.
func (st *state) eventPropertyAt(eventType, name string) (int, bool) {
	return slices.BinarySearchFunc(st.EventProperties, eventType, func(p eventProperty, t string) int {
		return cmp.Or(strings.Compare(p.EventType, t), strings.Compare(p.Name, name))
	})
}

// eventProperties returns the stored properties of eventType, deleted ones
// included. They sit next to each other, because the list is sorted by
// event type first.
func (st *state) eventProperties(eventType string) []eventProperty {
	start, _ := st.eventPropertyAt(eventType, "")
	end := start
	for end < len(st.EventProperties) && st.EventProperties[end].EventType == eventType {
		end++
	}
	return st.EventProperties[start:end]
}

// liveEventProperty returns the position of an event's property, or a 404
// when the event or the property does not exist or is deleted.
func (st *state) liveEventProperty(eventType, name string) (int, error) {
	if _, err := st.liveEvent(eventType); err != nil {
		return -1, err
	}
	i, found := st.eventPropertyAt(eventType, name)
	if !found || st.EventProperties[i].Deleted {
		return -1, developerapi.Refuse(http.StatusNotFound, developerapi.CodeNotFound, "event %q has no property %q", eventType, name)
	}
	return i, nil
}

func (a *API) listEventProperties(w http.ResponseWriter, r *http.Request) {
	eventType := r.PathValue("event_id")
	list(a, w, r, func(st *state) ([]eventProperty, error) {
		if _, err := st.liveEvent(eventType); err != nil {
			return nil, err
		}
		return st.eventProperties(eventType), nil
	}, (*eventProperty).view)
}

func (a *API) getEventProperty(w http.ResponseWriter, r *http.Request) {
	get(a, w, r, func(st *state) (map[string]any, error) {
		i, err := st.liveEventProperty(r.PathValue("event_id"), r.PathValue("event_property_id"))
		if err != nil {
			return nil, err
		}
		return st.EventProperties[i].view(), nil
	})
}

// createEventProperty puts a property in the plan, 201; see keptOnCreate
// for a name that exists.
func (a *API) createEventProperty(w http.ResponseWriter, r *http.Request) {
	req, ok := a.decode(w, r)
	if !ok {
		return
	}
	eventType := r.PathValue("event_id")
	created := eventProperty{EventType: eventType, property: newProperty(&req)}
	if err := created.check(); err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	update(a, w, r, http.StatusCreated, func(st *state) (map[string]any, error) {
		if _, err := st.liveEvent(eventType); err != nil {
			return nil, err
		}
		i, found := st.eventPropertyAt(eventType, created.Name)
		switch {
		case !found:
			st.EventProperties = slices.Insert(st.EventProperties, i, created)
		case st.EventProperties[i].keptOnCreate():
			return st.EventProperties[i].view(), nil
		default:
			st.EventProperties[i] = created
		}
		return created.view(), nil
	})
}

// newProperty returns the property a create body describes, in the plan:
// the defaults, overridden by what the body sends.
func newProperty(req *request) property {
	p := property{Name: req.PropertyName, metadata: metadata{EnumValues: []string{}, Classifications: []string{}}, InSchema: true}
	p.apply(req)
	return p
}

// updateEventProperty changes any of the metadata. A member left out stays
// as it is, a null clears it, and a list replaces the stored one. An
// ingested-only property gets 422 not_in_schema; a create must first
// promote it into the plan (update-event-property-metadata).
func (a *API) updateEventProperty(w http.ResponseWriter, r *http.Request) {
	req, ok := a.decode(w, r)
	if !ok {
		return
	}
	update(a, w, r, http.StatusOK, func(st *state) (map[string]any, error) {
		i, err := st.liveEventProperty(r.PathValue("event_id"), r.PathValue("event_property_id"))
		if err != nil {
			return nil, err
		}
		p := st.EventProperties[i]
		if err := p.checkWritable(); err != nil {
			return nil, err
		}
		p.apply(&req)
		if err := p.check(); err != nil {
			return nil, err
		}
		st.EventProperties[i] = p
		return p.view(), nil
	})
}

// deleteEventProperty soft-deletes a property (delete-event-property). An
// ingested-only property cannot be modified, so deleting one gets 422
// not_in_schema.
func (a *API) deleteEventProperty(w http.ResponseWriter, r *http.Request) {
	eventType, name := r.PathValue("event_id"), r.PathValue("event_property_id")
	softDelete(a, w, r, func(st *state) (int, error) {
		i, err := st.liveEventProperty(eventType, name)
		if err != nil {
			return -1, err
		}
		return i, st.EventProperties[i].checkWritable()
	}, func(st *state, i int) { st.EventProperties[i].Deleted = true })
}
