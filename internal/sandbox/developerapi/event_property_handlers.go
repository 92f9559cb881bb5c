package developerapi

import (
	"net/http"
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The Developer API's event properties, under
// /v1/projects/{project_id}/events/{event_id}/event-properties
// (amplitude.com/docs/apis/developer/taxonomy-event-properties/list-event-properties-for-an-event,
// create-event-property, get-event-property, update-event-property-metadata,
// delete-event-property). Every path answers 404 for an event that is
// unknown or deleted. Every write runs under its required Idempotency-Key.

func (a *API) listEventProperties(w http.ResponseWriter, r *http.Request) {
	eventType := r.PathValue("event_id")
	listPlan(a, w, r, func(st *state) ([]eventProperty, error) {
		if _, err := st.liveEvent(eventType); err != nil {
			return nil, err
		}
		return st.eventProperties(eventType), nil
	}, (*eventProperty).view)
}

// createEventProperty puts a property in the plan: see keptOnCreate for
// what it answers.
func (a *API) createEventProperty(w http.ResponseWriter, r *http.Request) {
	req, err := decodeTaxonomyRequest(r, eventPropertyCreateBody)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	eventType := r.PathValue("event_id")
	created := eventProperty{EventType: eventType, taxonomyProperty: taxonomyProperty{
		Name: req.propertyName.value, propertyMetadata: newPropertyMetadata(&req), InSchema: true,
	}}
	if err := created.check(); err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var view eventPropertyView
	err = a.update(func(_ *core.Tx, st *state) error {
		if _, err := st.liveEvent(eventType); err != nil {
			return err
		}
		i, found := st.eventPropertyAt(eventType, created.Name)
		switch {
		case !found:
			st.EventProperties = slices.Insert(st.EventProperties, i, created)
		case st.EventProperties[i].keptOnCreate():
			view = st.EventProperties[i].view()
			return nil
		default:
			st.EventProperties[i] = created
		}
		view = created.view()
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusCreated, view)
}

func (a *API) getEventProperty(w http.ResponseWriter, r *http.Request) {
	getPlan(a, w, r, func(st *state) ([]eventProperty, int, error) {
		i, err := st.liveEventProperty(r.PathValue("event_id"), r.PathValue("event_property_id"))
		return st.EventProperties, i, err
	}, (*eventProperty).view)
}

// updateEventProperty is PATCH of any of the metadata: an absent field is
// unchanged, null clears, a list replaces; an ingested-only property is 422
// not_in_schema and must be promoted by a create first
// (update-event-property-metadata).
func (a *API) updateEventProperty(w http.ResponseWriter, r *http.Request) {
	req, err := decodeTaxonomyRequest(r, eventPropertyPatchBody)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var view eventPropertyView
	err = a.update(func(_ *core.Tx, st *state) error {
		i, err := st.liveEventProperty(r.PathValue("event_id"), r.PathValue("event_property_id"))
		if err != nil {
			return err
		}
		prop := st.EventProperties[i]
		if err := prop.checkWritable(); err != nil {
			return err
		}
		prop.apply(&req)
		if err := prop.check(); err != nil {
			return err
		}
		st.EventProperties[i] = prop
		view = prop.view()
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusOK, view)
}

// deleteEventProperty soft-deletes a property, 204, or with dry_run=true
// only checks that it could (delete-event-property). An ingested-only one
// "cannot be modified" (get-event-property, is_in_schema): 422 not_in_schema.
func (a *API) deleteEventProperty(w http.ResponseWriter, r *http.Request) {
	eventType, name := r.PathValue("event_id"), r.PathValue("event_property_id")
	a.softDelete(w, r, func(st *state) (int, error) {
		i, err := st.liveEventProperty(eventType, name)
		if err != nil {
			return -1, err
		}
		return i, st.EventProperties[i].checkWritable()
	}, func(st *state, i int) { st.EventProperties[i].Deleted = true })
}
