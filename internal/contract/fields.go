package contract

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// FieldsReporter receives what CheckFields finds; *testing.T satisfies it.
type FieldsReporter interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// CheckFields checks that every JSON field of the struct v is a property of
// one of the named schemas of the document file (such as
// "amplitude-developer.openapi.yaml"), so that a client's struct that decodes
// an answer uses the field names the contract uses. The middleware checks
// what a client sends and what the sandbox answers, but it cannot see what a
// client reads from an answer: if a struct tag were misspelled, decoding would
// not fail, the field would only stay empty. This check catches that.
func CheckFields(t FieldsReporter, file string, v any, schemas ...string) {
	t.Helper()
	doc, err := document(file)
	if err != nil {
		t.Fatalf("%v", err)
	}
	var properties []string
	for _, name := range schemas {
		schema := doc.Spec.Components.Schemas[name]
		if schema == nil {
			t.Fatalf("%s has no schema %s", doc.Name, name)
		}
		properties = append(properties, propertiesOf(schema.Value)...)
	}
	typ := reflect.TypeOf(v)
	for _, field := range jsonFields(typ) {
		if !slices.Contains(properties, field.name) {
			slices.Sort(properties)
			t.Errorf("contract %s: %s.%s reads the JSON field %q, which %s does not have (it has %s)",
				doc.Name, typ, field.goName, field.name, strings.Join(schemas, " or "), strings.Join(slices.Compact(properties), ", "))
		}
	}
}

func document(file string) (*Document, error) {
	docs, err := Documents()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if d.Name == "api/"+file {
			return d, nil
		}
	}
	return nil, fmt.Errorf("no document api/%s", file)
}

// propertiesOf lists a schema's property names, those of its allOf members
// included.
func propertiesOf(s *openapi3.Schema) []string {
	var names []string
	for name := range s.Properties {
		names = append(names, name)
	}
	for _, member := range s.AllOf {
		names = append(names, propertiesOf(member.Value)...)
	}
	return names
}

type jsonField struct {
	goName, name string
}

// jsonFields lists the fields encoding/json reads into a struct type,
// those of embedded structs included.
func jsonFields(typ reflect.Type) []jsonField {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	var fields []jsonField
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "":
			fields = append(fields, jsonFields(f.Type)...)
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		fields = append(fields, jsonField{goName: f.Name, name: name})
	}
	return fields
}
