package sandbox

import (
	"slices"
	"strings"
)

// A user property of the Amplitude taxonomy, as the Taxonomy API serves it
// (amplitude.com/docs/apis/analytics/taxonomy#user-property).

// customPrefix marks custom user properties in the Taxonomy API's paths and
// answers: "In responses, custom user properties have a gp: prefix".
const customPrefix = "gp:"

var (
	userPropertyTypes           = []string{"string", "number", "boolean", "enum", "any"}
	userPropertyClassifications = []string{"PII", "SENSITIVE", "REVENUE"}
)

// userProperty is stored with the optional fields the docs show as nullable
// held as pointers: nil is null.
type userProperty struct {
	// Name is the property's name, without the gp: prefix.
	Name string `json:"name"`
	// BuiltIn marks a property Amplitude tracks by itself, such as country
	// (amplitude.com/docs/get-started/user-property-definitions). The API
	// names it without gp:, and it is not the API's to create, change or
	// delete ("an Amplitude user property" is refused by delete).
	BuiltIn     bool    `json:"built_in"`
	Description *string `json:"description"`
	Type        *string `json:"type"`
	Regex       *string `json:"regex"`
	// EnumValues is kept as sent: "List of allowed values, separated by
	// comma".
	EnumValues      *string  `json:"enum_values"`
	IsArrayType     bool     `json:"is_array_type"`
	IsHidden        bool     `json:"is_hidden"`
	Classifications []string `json:"classifications"`
	Deleted         bool     `json:"deleted"`
}

// userPropertyView is the documented object of get and list.
type userPropertyView struct {
	UserProperty    string   `json:"user_property"`
	Description     *string  `json:"description"`
	Type            *string  `json:"type"`
	EnumValues      *string  `json:"enum_values"`
	Regex           *string  `json:"regex"`
	IsArrayType     bool     `json:"is_array_type"`
	IsHidden        bool     `json:"is_hidden"`
	Classifications []string `json:"classifications"`
	Deleted         bool     `json:"deleted"`
}

// apiName is the property's name as the Taxonomy API writes it.
func (p *userProperty) apiName() string {
	if p.BuiltIn {
		return p.Name
	}
	return customPrefix + p.Name
}

func (p *userProperty) view() userPropertyView {
	return userPropertyView{
		UserProperty:    p.apiName(),
		Description:     p.Description,
		Type:            p.Type,
		EnumValues:      p.EnumValues,
		Regex:           p.Regex,
		IsArrayType:     p.IsArrayType,
		IsHidden:        p.IsHidden,
		Classifications: orEmpty(p.Classifications),
		Deleted:         p.Deleted,
	}
}

// validate checks the property as an update or create would leave it, so a
// rule between two fields holds whichever of them the request changed.
func (p *userProperty) validate(problems *problems) {
	typ := ""
	if p.Type != nil {
		typ = *p.Type
		if !slices.Contains(userPropertyTypes, typ) {
			problems.add("type %q is not valid: use one of %s", typ, strings.Join(userPropertyTypes, ", "))
		}
	}
	// The docs say of both fields "Only applicable to the ... type".
	if p.Regex != nil && typ != "string" {
		problems.add("regex applies only to type string; this property's type is %s", describeType(p.Type))
	}
	if p.EnumValues != nil && typ != "enum" {
		problems.add("enum_values applies only to type enum; this property's type is %s", describeType(p.Type))
	}
	for _, c := range p.Classifications {
		if !slices.Contains(userPropertyClassifications, c) {
			problems.add("classification %q is not valid: use %s", c, strings.Join(userPropertyClassifications, ", "))
		}
	}
}

func describeType(typ *string) string {
	if typ == nil {
		return "not set"
	}
	return *typ
}

// userPropertyAt finds the property a path names: "gp:NAME" is the custom
// property NAME, a name without the prefix an Amplitude one. Deleted
// properties are found too; callers decide whether they count.
func (st *state) userPropertyAt(pathName string) int {
	name, custom := strings.CutPrefix(pathName, customPrefix)
	return slices.IndexFunc(st.UserProperties, func(p userProperty) bool {
		return p.Name == name && p.BuiltIn != custom
	})
}

// userPropertyNamed finds a property by its bare name. Names are unique
// across custom and Amplitude properties (a create or rename that would
// shadow an Amplitude property is refused), so a sync's source_id, which is
// a bare name, is never ambiguous.
func (st *state) userPropertyNamed(name string) int {
	return slices.IndexFunc(st.UserProperties, func(p userProperty) bool { return p.Name == name })
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
