package amplitude

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// fieldPaths maps the request fields that Amplitude's validation errors name
// (config.app_id, event_filter.property_filters.conditions[1].operator) to
// the attributes whose values went into them, so that an error is shown on
// the line of the configuration it is about. Each destination resource
// has one such table; lookup is the only way it is read.
type fieldPaths map[string]fieldPath

// fieldPath is where the problems of a listed field, and of the fields below
// it, are shown.
type fieldPath struct {
	attribute path.Path
	// whole shows the fields below the listed one on the attribute itself.
	// That is the only choice for a dynamic attribute or a map, whose insides
	// have no attribute paths. Otherwise the rest of a longer field leads
	// into the attribute's nested attributes and list elements.
	whole bool
}

// at lists a field that is shown on p, and whose fields below it are shown
// on p's nested attributes and list elements.
func at(p path.Path) fieldPath { return fieldPath{attribute: p} }

// wholeAt lists a field that is shown on p, together with every field below
// it.
func wholeAt(p path.Path) fieldPath { return fieldPath{attribute: p, whole: true} }

// fieldStep is one dot-separated step of a field: a name with list indexes
// after it, such as "conditions[1]".
var fieldStep = regexp.MustCompile(`^([^\[\]]+)((?:\[\d+\])*)$`)

// lookup returns the attribute a field comes from. It takes the longest
// leading part of the field that the table lists, and the rest of the field
// leads from there: "config.user_id_mapping.braze_identifier" is
// identifier_mapping.braze_identifier when the table lists
// "config.user_id_mapping" as identifier_mapping. ok is false when no part
// of the field is listed.
func (f fieldPaths) lookup(field string) (p path.Path, ok bool) {
	if field == "" {
		return path.Empty(), false
	}
	steps := strings.Split(field, ".")
	for n := len(steps); n > 0; n-- {
		name, indexes, _ := splitFieldStep(steps[n-1])
		listed, found := f[strings.Join(append(steps[:n-1:n-1], name), ".")]
		if !found {
			continue
		}
		if listed.whole {
			return listed.attribute, true
		}
		p := withIndexes(listed.attribute, indexes)
		for _, step := range steps[n:] {
			name, indexes, ok := splitFieldStep(step)
			if !ok {
				break
			}
			p = withIndexes(p.AtName(name), indexes)
		}
		return p, true
	}
	return path.Empty(), false
}

// splitFieldStep splits "conditions[1]" into "conditions" and [1]; ok is false
// for a step of another shape.
func splitFieldStep(step string) (name string, indexes []int, ok bool) {
	m := fieldStep.FindStringSubmatch(step)
	if m == nil {
		return step, nil, false
	}
	for _, i := range strings.Split(strings.Trim(m[2], "[]"), "][") {
		if n, err := strconv.Atoi(i); err == nil {
			indexes = append(indexes, n)
		}
	}
	return m[1], indexes, true
}

func withIndexes(p path.Path, indexes []int) path.Path {
	for _, i := range indexes {
		p = p.AtListIndex(i)
	}
	return p
}

// addFound turns what the Developer API client's destination service found
// into Terraform diagnostics: a finding about a request field goes on the
// attribute that field comes from, any other on the resource. The client
// knows nothing of Terraform, so the advice for a version conflict, which
// names the terraform command, is added here.
func addFound(diags *diag.Diagnostics, found developer.Diagnostics, fields fieldPaths) {
	for _, f := range found {
		detail := f.Detail
		if f.VersionConflict {
			detail += " Run terraform plan again to see the change, then apply the new plan."
		}
		p, onAttribute := fields.lookup(f.Field)
		switch {
		case f.Warning && onAttribute:
			diags.AddAttributeWarning(p, f.Summary, detail)
		case f.Warning:
			diags.AddWarning(f.Summary, detail)
		case onAttribute:
			diags.AddAttributeError(p, f.Summary, detail)
		default:
			diags.AddError(f.Summary, detail)
		}
	}
}
