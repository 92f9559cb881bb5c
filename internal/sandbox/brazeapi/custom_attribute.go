package brazeapi

import (
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// customAttribute is a custom attribute of the Braze workspace, as
// GET /custom_attributes exports it
// (braze.com/docs/api/endpoints/export/custom_attributes/get_custom_attributes).
type customAttribute struct {
	Name string `json:"name"`
	// DataType is one of Braze's custom attribute types, spelt as the
	// export's example spells "Number": String, Number, Boolean, ...
	DataType    string  `json:"data_type"`
	Description *string `json:"description"`
}

// customAttributeView is one element of the export's "attributes".
type customAttributeView struct {
	// ArrayLength is "the maximum array length, or null if not applicable";
	// the sandbox makes no array attributes.
	ArrayLength *int    `json:"array_length"`
	DataType    string  `json:"data_type"`
	Description *string `json:"description"`
	Name        string  `json:"name"`
	// Status is Active: the sandbox has no blocklist.
	Status   string   `json:"status"`
	TagNames []string `json:"tag_names"`
}

func (a *customAttribute) view() customAttributeView {
	return customAttributeView{
		DataType:    a.DataType,
		Description: a.Description,
		Name:        a.Name,
		Status:      "Active",
		TagNames:    []string{},
	}
}

func attributeName(a customAttribute) string { return a.Name }

func (st *state) hasCustomAttribute(name string) bool {
	_, found := searchNames(st.CustomAttributes, name, attributeName)
	return found
}

// addCustomAttributes adds the attributes whose names are new and reports
// how many it added. It builds a new slice, as stored objects are never
// changed in place.
func (st *state) addCustomAttributes(attrs ...customAttribute) int {
	all := slices.Clone(st.CustomAttributes)
	added := 0
	for _, a := range attrs {
		if i, found := searchNames(all, a.Name, attributeName); !found {
			all = slices.Insert(all, i, a)
			added++
		}
	}
	st.CustomAttributes = all
	return added
}

// WriteCustomAttribute is a partner writing the attribute name on users,
// as Amplitude's syncs do: Braze creates an attribute it has not seen, of
// the Braze type of the values written (String, Number, Boolean, Object),
// and keeps one it has.
func (a *API) WriteCustomAttribute(_ *core.Tx, name, dataType string) {
	if !a.state.hasCustomAttribute(name) {
		a.state.addCustomAttributes(customAttribute{Name: name, DataType: dataType})
	}
}
