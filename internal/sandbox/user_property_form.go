package sandbox

import (
	"net/url"
	"slices"
	"strings"
)

// The fields of the Taxonomy API's user-property create and update
// (amplitude.com/docs/apis/analytics/taxonomy#create-a-user-property).
const (
	propertyNameField   = "user_property"
	propertyRenameField = "new_user_property_value"
)

var (
	userPropertySettings   = []string{"description", "type", "regex", "enum_values", "is_array_type", "is_hidden", "classifications"}
	createUserPropertyForm = slices.Concat([]string{propertyNameField}, userPropertySettings)
	updateUserPropertyForm = slices.Concat([]string{propertyRenameField}, userPropertySettings)
)

// applySettings sets the fields the form sends and leaves the others. An
// empty value clears its field: that is how a client that sends every field
// removes a description or a regex it no longer wants.
func (p *userProperty) applySettings(problems *problems, form url.Values) {
	for _, f := range []struct {
		name string
		into **string
	}{
		{"description", &p.Description},
		{"type", &p.Type},
		{"regex", &p.Regex},
		{"enum_values", &p.EnumValues},
	} {
		if value, sent := formValue(problems, form, f.name); sent {
			*f.into = nilIfEmpty(value)
		}
	}
	formBool(problems, form, "is_array_type", &p.IsArrayType)
	formBool(problems, form, "is_hidden", &p.IsHidden)
	if values, sent := form["classifications"]; sent {
		p.Classifications = parseClassifications(values)
	}
}

// parseClassifications reads a list the docs call a String without saying
// how several values travel: as a comma-separated value like enum_values,
// as repeated fields, or both. Repeats collapse; order is kept.
func parseClassifications(values []string) []string {
	out := []string{}
	for _, value := range values {
		for _, c := range strings.Split(value, ",") {
			if c = strings.TrimSpace(c); c != "" && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

func nilIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// checkNewName checks a name a create or rename gives. The docs' examples
// send it bare ("user_property=User Type", "new_user_property_value=
// subscription_type"); a gp: prefix would make a property addressed as
// gp:gp:NAME, which is certainly a mistake.
func checkNewName(problems *problems, field, name string) {
	switch {
	case strings.TrimSpace(name) == "":
		problems.add("%s is required: the user property's name", field)
	case strings.HasPrefix(name, customPrefix):
		problems.add("%s %q must be given without the %s prefix; Amplitude adds it to custom properties", field, name, customPrefix)
	}
}
