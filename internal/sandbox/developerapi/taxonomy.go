package developerapi

import (
	"net/http"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// What event properties and user properties share
// (amplitude.com/docs/apis/developer/taxonomy-event-properties/get-event-property
// and taxonomy-user-properties/get-user-property): the description of their
// values, whether the tracking plan holds them (is_in_schema), and the soft
// delete.

// propertyMetadata describes a property's values. A nil pointer is null;
// the lists are never nil once stored.
type propertyMetadata struct {
	Description     *string  `json:"description"`
	DataType        *string  `json:"data_type"`
	IsArrayType     bool     `json:"is_array_type"`
	EnumValues      []string `json:"enum_values"`
	Regex           *string  `json:"regex"`
	IsHidden        bool     `json:"is_hidden"`
	Classifications []string `json:"classifications"`
}

// taxonomyProperty is a property of the tracking plan, an event's or the
// users'.
type taxonomyProperty struct {
	Name string `json:"property_name"`
	propertyMetadata
	// InSchema is false for an ingested-only property: it has data, but the
	// tracking plan does not hold it. Such a property cannot be changed or
	// deleted; a create of its name promotes it into the plan.
	InSchema bool `json:"in_schema"`
	// Deleted is a soft delete: gone from every answer until a create of
	// the name restores it.
	Deleted bool `json:"deleted"`
}

// propertyView is what the views of event properties and user properties
// both show of a property, in the vendor's order: the members after the
// description (and a user property's is_official). The lists are never
// null.
type propertyView struct {
	IsHidden        bool     `json:"is_hidden"`
	IsInSchema      bool     `json:"is_in_schema"`
	DataType        *string  `json:"data_type"`
	IsArrayType     bool     `json:"is_array_type"`
	EnumValues      []string `json:"enum_values"`
	Regex           *string  `json:"regex"`
	Classifications []string `json:"classifications"`
}

func (p *taxonomyProperty) metadataView() propertyView {
	return propertyView{
		IsHidden:        p.IsHidden,
		IsInSchema:      p.InSchema,
		DataType:        p.DataType,
		IsArrayType:     p.IsArrayType,
		EnumValues:      core.OrEmpty(p.EnumValues),
		Regex:           p.Regex,
		Classifications: core.OrEmpty(p.Classifications),
	}
}

func (p taxonomyProperty) planName() string { return p.Name }

func (p taxonomyProperty) isDeleted() bool { return p.Deleted }

// newPropertyMetadata is the metadata a create body describes: what it
// sends over the defaults.
func newPropertyMetadata(req *taxonomyRequest) propertyMetadata {
	m := propertyMetadata{EnumValues: []string{}, Classifications: []string{}}
	m.apply(req)
	return m
}

// apply changes the fields the request sends; a list replaces the stored
// one whole.
func (m *propertyMetadata) apply(req *taxonomyRequest) {
	setIfSentField(&m.Description, req.description)
	setIfSentField(&m.DataType, req.dataType)
	setIfSentField(&m.IsArrayType, req.isArrayType)
	setIfSentField(&m.EnumValues, req.enumValues)
	setIfSentField(&m.Regex, req.regex)
	setIfSentField(&m.IsHidden, req.isHidden)
	setIfSentField(&m.Classifications, req.classifications)
}

// check holds the rules between fields on the property a request would
// leave, so that a PATCH of one field cannot break a rule with a field it
// did not send (a data_type changed from enum with enum_values left
// behind). Each problem is located at the field that would be wrong. The
// vendor documents the fields, not these rules: they are the sandbox's.
func (m *propertyMetadata) check() error {
	var p core.FieldProblems
	typ := "null (untyped)"
	if m.DataType != nil {
		typ = *m.DataType
	}
	switch {
	case typ == "enum" && len(m.EnumValues) == 0:
		p.Add("enum_values", problemRequired, "data_type enum needs enum_values: at least one value")
	case typ != "enum" && len(m.EnumValues) > 0:
		p.Add("enum_values", problemNotAllowed, "enum_values apply only to data_type enum; the property's data_type would be %s (send enum_values: [] to clear them)", typ)
	}
	if m.Regex != nil && typ != "string" {
		p.Add("regex", problemNotAllowed, "regex applies only to data_type string; the property's data_type would be %s (send regex: null to clear it)", typ)
	}
	return p.Err(http.StatusBadRequest, codeValidationError)
}

// keptOnCreate reports whether a create of the property's name leaves it
// as it is and answers it, the metadata sent ignored: it is live and in the
// plan. The vendor says such a create returns the existing property without
// modification, and documents 201 as the create's only success
// (amplitude.com/docs/apis/developer/taxonomy-event-properties/create-event-property),
// so the sandbox answers 201 too: a client cannot tell this answer from a
// create by its status. Any other existing name is made from the body: an
// ingested-only property is promoted (the same page), a soft-deleted one
// restored (the sandbox's choice; open point: Create of an existing name).
func (p *taxonomyProperty) keptOnCreate() bool {
	return !p.Deleted && p.InSchema
}

// checkWritable refuses a PATCH or DELETE of an ingested-only property: 422
// not_in_schema (update-event-property-metadata; such a property "cannot be
// modified", get-event-property).
func (p *taxonomyProperty) checkWritable() error {
	if p.InSchema {
		return nil
	}
	return refuseWith(http.StatusUnprocessableEntity, codeNotInSchema,
		"%s has data but is not in the tracking plan: POST it to add it to the plan first", p.Name)
}

// not_in_schema is the vendor's code; already_exists and read_only_property
// are the sandbox's, as the vendor names none for those refusals.
const (
	codeNotInSchema      = "not_in_schema"
	codeAlreadyExists    = "already_exists"
	codeReadOnlyProperty = "read_only_property"
)

// matchesQuery is the lists' q, the vendor's "full-text search query",
// which the sandbox reads as a case-insensitive part of the name.
func matchesQuery(name, q string) bool {
	return strings.Contains(strings.ToLower(name), strings.ToLower(q))
}
