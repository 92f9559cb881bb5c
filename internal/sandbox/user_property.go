package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// userProperty is a property of the project's users (DESIGN.md §3.1),
// named without any prefix. User properties are kept in name order.
type userProperty struct {
	taxonomyProperty
	DisplayName *string `json:"display_name"`
	// AmplitudeDefault marks one of the properties Amplitude sets by itself,
	// such as country (from GeoIP): official, and not the API's to change.
	AmplitudeDefault bool `json:"amplitude_default"`
}

type userPropertyView struct {
	ID           string  `json:"id"`
	Object       string  `json:"object"`
	ProjectID    string  `json:"project_id"`
	PropertyName string  `json:"property_name"`
	DisplayName  *string `json:"display_name"`
	Description  *string `json:"description"`
	// IsOfficial is read-only: true for Amplitude's default properties,
	// false for the project's own. The vendor's null ("not set upstream")
	// never comes from the sandbox.
	IsOfficial      *bool    `json:"is_official"`
	IsHidden        bool     `json:"is_hidden"`
	IsInSchema      bool     `json:"is_in_schema"`
	DataType        *string  `json:"data_type"`
	IsArrayType     bool     `json:"is_array_type"`
	EnumValues      []string `json:"enum_values"`
	Regex           *string  `json:"regex"`
	Classifications []string `json:"classifications"`
}

func (p *userProperty) view() userPropertyView {
	return userPropertyView{
		ID:              p.Name,
		Object:          "user_property",
		ProjectID:       AmplitudeProjectID,
		PropertyName:    p.Name,
		DisplayName:     p.DisplayName,
		Description:     p.Description,
		IsOfficial:      ptr(p.AmplitudeDefault),
		IsHidden:        p.IsHidden,
		IsInSchema:      p.InSchema,
		DataType:        p.DataType,
		IsArrayType:     p.IsArrayType,
		EnumValues:      orEmpty(p.EnumValues),
		Regex:           p.Regex,
		Classifications: orEmpty(p.Classifications),
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
		return -1, refuseWith(http.StatusNotFound, codeNotFound, "no user property %q in project %s", name, AmplitudeProjectID)
	}
	return i, nil
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
