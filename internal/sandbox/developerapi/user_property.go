package developerapi

import (
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// userProperty is a property of the project's users
// (amplitude.com/docs/apis/developer/taxonomy-user-properties/get-user-property:
// its id is its property_name), named without any prefix. User properties
// are kept in name order.
type userProperty struct {
	taxonomyProperty
	DisplayName *string `json:"display_name"`
	// AmplitudeDefault marks one of the properties Amplitude tracks by
	// itself, such as country, from GeoIP
	// (amplitude.com/docs/get-started/user-property-definitions): official,
	// and not the API's to change. The vendor does not say how its API
	// answers a write to one; the sandbox's 422 read_only_property.
	AmplitudeDefault bool `json:"amplitude_default"`
}

type userPropertyView struct {
	ID           string  `json:"id"`
	Object       string  `json:"object"`
	ProjectID    string  `json:"project_id"`
	PropertyName string  `json:"property_name"`
	DisplayName  *string `json:"display_name"`
	Description  *string `json:"description"`
	// IsOfficial is read-only (update-user-property-metadata): true for
	// Amplitude's default properties, false for the project's own, the
	// sandbox's reading of "Curated/official flag". The vendor's null ("not
	// set upstream") never comes from the sandbox.
	IsOfficial *bool `json:"is_official"`
	propertyView
}

func (p *userProperty) view() userPropertyView {
	return userPropertyView{
		ID:           p.Name,
		Object:       "user_property",
		ProjectID:    ProjectID,
		PropertyName: p.Name,
		DisplayName:  p.DisplayName,
		Description:  p.Description,
		IsOfficial:   ptr(p.AmplitudeDefault),
		propertyView: p.metadataView(),
	}
}

// checkWritable refuses any write to one of Amplitude's default properties,
// and a PATCH or DELETE of an ingested-only one.
func (p *userProperty) checkWritable() error {
	if p.AmplitudeDefault {
		return refuseWith(http.StatusUnprocessableEntity, codeReadOnlyProperty,
			"%s is one of Amplitude's default user properties; it cannot be changed", p.Name)
	}
	return p.taxonomyProperty.checkWritable()
}

// userPropertyAt finds a user property, deleted or not, or where it would
// go.
func (st *state) userPropertyAt(name string) (int, bool) {
	return slices.BinarySearchFunc(st.UserProperties, name, func(p userProperty, name string) int { return strings.Compare(p.Name, name) })
}

// liveUserProperty finds a user property that is not deleted; any other is
// not found.
func (st *state) liveUserProperty(name string) (int, error) {
	i, found := st.userPropertyAt(name)
	if !found || st.UserProperties[i].Deleted {
		return -1, refuseWith(http.StatusNotFound, codeNotFound, "no user property %q in project %s", name, ProjectID)
	}
	return i, nil
}

// UserProperty is a user property as Amplitude's other APIs see it: syncs
// sync one, writing a Braze attribute of its type.
type UserProperty struct {
	// DataType is the type of its values, nil if untyped.
	DataType *string
	// Deleted marks a soft-deleted property, which a new sync may not name.
	Deleted bool
}

// UserProperty finds the project's user property name, deleted or not (in
// the plan or ingested-only, the project's own or Amplitude's).
func (a *API) UserProperty(_ *core.Tx, name string) (UserProperty, bool) {
	i, found := a.state.userPropertyAt(name)
	if !found {
		return UserProperty{}, false
	}
	p := &a.state.UserProperties[i]
	return UserProperty{DataType: p.DataType, Deleted: p.Deleted}, true
}
