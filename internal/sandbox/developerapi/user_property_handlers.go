package developerapi

import (
	"net/http"
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The Developer API's user properties, under
// /v1/projects/{project_id}/user-properties
// (amplitude.com/docs/apis/developer/taxonomy-user-properties/list-user-properties-for-a-project,
// create-user-property, get-user-property, update-user-property-metadata,
// delete-user-property). They follow the event properties' rules ("Same
// idempotency semantics", "Same patch semantics"), except that PATCH changes
// only the display name, description, hidden flag and classifications
// (update-user-property-metadata), and that Amplitude's default properties
// refuse every write (the sandbox's, userProperty.AmplitudeDefault). Every
// write runs under its required Idempotency-Key.

func (a *API) listUserProperties(w http.ResponseWriter, r *http.Request) {
	listPlan(a, w, r, func(st *state) ([]userProperty, error) { return st.UserProperties, nil }, (*userProperty).view)
}

// createUserProperty puts a property in the plan: see keptOnCreate for
// what it answers. A create of a default property's name is refused, as
// any write to it is.
func (a *API) createUserProperty(w http.ResponseWriter, r *http.Request) {
	req, err := decodeTaxonomyRequest(r, userPropertyCreateBody)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	created := userProperty{
		taxonomyProperty: taxonomyProperty{Name: req.propertyName.value, propertyMetadata: newPropertyMetadata(&req), InSchema: true},
		DisplayName:      req.displayName.value,
	}
	if err := created.check(); err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var view userPropertyView
	err = a.update(func(_ *core.Tx, st *state) error {
		i, found := st.userPropertyAt(created.Name)
		switch {
		case !found:
			st.UserProperties = slices.Insert(st.UserProperties, i, created)
		case st.UserProperties[i].AmplitudeDefault:
			return st.UserProperties[i].checkWritable()
		case st.UserProperties[i].keptOnCreate():
			view = st.UserProperties[i].view()
			return nil
		default:
			st.UserProperties[i] = created
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

func (a *API) getUserProperty(w http.ResponseWriter, r *http.Request) {
	getPlan(a, w, r, func(st *state) ([]userProperty, int, error) {
		i, err := st.liveUserProperty(r.PathValue("user_property_id"))
		return st.UserProperties, i, err
	}, (*userProperty).view)
}

// updateUserProperty is PATCH of the display name, description, hidden flag
// and classifications: the type and shape were fixed by the create, so
// those fields cannot break a rule between them.
func (a *API) updateUserProperty(w http.ResponseWriter, r *http.Request) {
	req, err := decodeTaxonomyRequest(r, userPropertyPatchBody)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var view userPropertyView
	err = a.update(func(_ *core.Tx, st *state) error {
		i, err := st.liveUserProperty(r.PathValue("user_property_id"))
		if err != nil {
			return err
		}
		prop := st.UserProperties[i]
		if err := prop.checkWritable(); err != nil {
			return err
		}
		prop.apply(&req)
		setIfSentField(&prop.DisplayName, req.displayName)
		st.UserProperties[i] = prop
		view = prop.view()
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusOK, view)
}

// deleteUserProperty soft-deletes a property, 204, or with dry_run=true
// only checks that it could (delete-user-property). Syncs of it keep their
// source_id and Braze attribute, as nothing in the docs stops the delete;
// a new sync of it is refused until a create restores it (the modelled
// syncs, api/amplitude-basic.openapi.yaml).
func (a *API) deleteUserProperty(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("user_property_id")
	a.softDelete(w, r, func(st *state) (int, error) {
		i, err := st.liveUserProperty(name)
		if err != nil {
			return -1, err
		}
		return i, st.UserProperties[i].checkWritable()
	}, func(st *state, i int) { st.UserProperties[i].Deleted = true })
}
