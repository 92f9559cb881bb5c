package taxonomy

import (
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// The project's user properties, under
// /v1/projects/{project_id}/user-properties
// (amplitude.com/docs/apis/developer/taxonomy-user-properties/), named
// without any prefix. They follow the event properties' rules ("Same
// idempotency semantics", "Same patch semantics"), except that a PATCH
// changes only the display name, description, hidden flag and
// classifications (update-user-property-metadata), as the document
// enforces, and that Amplitude's default properties refuse every write.

type userProperty struct {
	property
	DisplayName *string `json:"display_name"`
	// AmplitudeDefault marks one of the properties Amplitude tracks by
	// itself, such as country, from GeoIP
	// (amplitude.com/docs/get-started/user-property-definitions). Such a
	// property is official, and the API may not change it. The vendor does
	// not say how its API answers a write to one; the sandbox answers 422
	// read_only_property.
	AmplitudeDefault bool `json:"amplitude_default"`
}

// view adds is_official, which is read-only: true for Amplitude's default
// properties and false for the project's own. That is the sandbox's reading
// of the vendor's "Curated/official flag". The sandbox never answers the
// vendor's null ("not set upstream").
func (p *userProperty) view() map[string]any {
	v := p.property.view("user_property")
	v["display_name"], v["is_official"] = p.DisplayName, p.AmplitudeDefault
	return v
}

// checkWritable refuses any write to one of Amplitude's default
// properties, and a PATCH or DELETE of an ingested-only one.
func (p *userProperty) checkWritable() error {
	if p.AmplitudeDefault {
		return developerapi.Refuse(http.StatusUnprocessableEntity, "read_only_property",
			"%s is one of Amplitude's default user properties; it cannot be changed", p.Name)
	}
	return p.property.checkWritable()
}

// userPropertyAt returns the position of a user property, deleted or not,
// and true; or, when there is none, the position where it would go, and
// false.
func (st *state) userPropertyAt(name string) (int, bool) {
	return slices.BinarySearchFunc(st.UserProperties, name, func(p userProperty, name string) int { return strings.Compare(p.Name, name) })
}

// liveUserProperty returns the position of a user property, or a 404 when
// it does not exist or is deleted.
func (st *state) liveUserProperty(name string) (int, error) {
	i, found := st.userPropertyAt(name)
	if !found || st.UserProperties[i].Deleted {
		return -1, developerapi.Refuse(http.StatusNotFound, developerapi.CodeNotFound, "no user property %q in project %s", name, developerapi.ProjectID)
	}
	return i, nil
}

// UserProperty is a user property as Amplitude's other APIs see it. A sync
// may sync one, and then writes a Braze attribute of its type.
type UserProperty struct {
	// DataType is the type of its values, nil if untyped.
	DataType *string
	// Deleted marks a soft-deleted property, which a new sync may not name.
	Deleted bool
}

// UserProperty returns the user property with the given name, whether it
// is deleted or not, in the plan or ingested-only, the project's own or
// Amplitude's. It returns false when there is none.
func (a *API) UserProperty(_ *core.Tx, name string) (UserProperty, bool) {
	i, found := a.state.userPropertyAt(name)
	if !found {
		return UserProperty{}, false
	}
	p := &a.state.UserProperties[i]
	return UserProperty{DataType: p.DataType, Deleted: p.Deleted}, true
}

func (a *API) listUserProperties(w http.ResponseWriter, r *http.Request) {
	list(a, w, r, func(st *state) ([]userProperty, error) { return st.UserProperties, nil }, (*userProperty).view)
}

func (a *API) getUserProperty(w http.ResponseWriter, r *http.Request) {
	get(a, w, r, func(st *state) (map[string]any, error) {
		i, err := st.liveUserProperty(r.PathValue("user_property_id"))
		if err != nil {
			return nil, err
		}
		return st.UserProperties[i].view(), nil
	})
}

// createUserProperty puts a property in the plan, 201; see keptOnCreate
// for a name that exists. A create of a default property's name is
// refused, as any write to one is.
func (a *API) createUserProperty(w http.ResponseWriter, r *http.Request) {
	req, ok := a.decode(w, r)
	if !ok {
		return
	}
	created := userProperty{property: newProperty(&req), DisplayName: req.DisplayName.Value}
	if err := created.check(); err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	updateWithStatus(a, w, r, func(st *state) (map[string]any, int, error) {
		i, found := st.userPropertyAt(created.Name)
		switch {
		case !found:
			st.UserProperties = slices.Insert(st.UserProperties, i, created)
		case st.UserProperties[i].AmplitudeDefault:
			return nil, 0, st.UserProperties[i].checkWritable()
		case st.UserProperties[i].keptOnCreate():
			return st.UserProperties[i].view(), a.keptStatus(), nil
		default:
			st.UserProperties[i] = created
		}
		return created.view(), http.StatusCreated, nil
	})
}

// updateUserProperty changes the display name, description, hidden flag
// and classifications: the type and shape were fixed by the create, so no
// rule between members can break.
func (a *API) updateUserProperty(w http.ResponseWriter, r *http.Request) {
	req, ok := a.decode(w, r)
	if !ok {
		return
	}
	update(a, w, r, http.StatusOK, func(st *state) (map[string]any, error) {
		i, err := st.liveUserProperty(r.PathValue("user_property_id"))
		if err != nil {
			return nil, err
		}
		p := st.UserProperties[i]
		if err := p.checkWritable(); err != nil {
			return nil, err
		}
		p.apply(&req)
		req.DisplayName.SetTo(&p.DisplayName)
		st.UserProperties[i] = p
		return p.view(), nil
	})
}

// deleteUserProperty soft-deletes a property (delete-user-property). Syncs
// of it keep their source and Braze attribute, because nothing in the docs
// stops the delete. A new sync of it is refused until a create restores it.
func (a *API) deleteUserProperty(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("user_property_id")
	softDelete(a, w, r, func(st *state) (int, error) {
		i, err := st.liveUserProperty(name)
		if err != nil {
			return -1, err
		}
		return i, st.UserProperties[i].checkWritable()
	}, func(st *state, i int) { st.UserProperties[i].Deleted = true })
}
