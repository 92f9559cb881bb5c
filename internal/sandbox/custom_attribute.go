package sandbox

import (
	"cmp"
	"slices"
	"strings"
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

// compareBrazeNames is the order of Braze's exports, "sorted
// alphabetically": letters before case, so "Plan" and "plan" sit together;
// the exact name breaks ties so the order is total.
func compareBrazeNames(a, b string) int {
	if c := cmp.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// searchBrazeNames finds where name is, or would go, in items in the
// exports' order.
func searchBrazeNames[T any](items []T, name string, nameOf func(T) string) (int, bool) {
	return slices.BinarySearchFunc(items, name, func(item T, name string) int {
		return compareBrazeNames(nameOf(item), name)
	})
}

func attributeName(a customAttribute) string { return a.Name }

func (st *state) hasCustomAttribute(name string) bool {
	_, found := searchBrazeNames(st.CustomAttributes, name, attributeName)
	return found
}

// addCustomAttributes adds the attributes whose names are new and reports
// how many it added. It builds a new slice, as stored objects are never
// changed in place.
func (st *state) addCustomAttributes(attrs ...customAttribute) int {
	all := slices.Clone(st.CustomAttributes)
	added := 0
	for _, a := range attrs {
		if i, found := searchBrazeNames(all, a.Name, attributeName); !found {
			all = slices.Insert(all, i, a)
			added++
		}
	}
	st.CustomAttributes = all
	return added
}

// brazeDataType is the Braze type of an attribute holding values of an
// Amplitude data_type; enums and untyped values arrive as text.
func brazeDataType(amplitudeType *string) string {
	switch {
	case amplitudeType == nil:
		return "String"
	case *amplitudeType == "number":
		return "Number"
	case *amplitudeType == "boolean":
		return "Boolean"
	case *amplitudeType == "object":
		return "Object"
	default:
		return "String"
	}
}
