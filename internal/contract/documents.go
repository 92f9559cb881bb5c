// Package contract checks HTTP traffic against the vendor APIs' OpenAPI
// documents in api/ (api/README.md): an http.Handler middleware, put in
// front of the sandbox in tests, validates every request a client sends and
// every answer the sandbox gives with kin-openapi, and reports a mismatch
// through the test, naming the document, the operation and the field. The
// clients and the sandbox are written apart; the documents are the contract
// both are held to, so a drift on either side fails a test.
package contract

import (
	"fmt"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
)

// Document is one vendor API's contract and where the sandbox serves it.
type Document struct {
	// Name is the document's file in the repository, e.g.
	// api/amplitude-developer.openapi.yaml.
	Name string
	// Prefix is the sandbox's path prefix for the API: its paths below the
	// prefix are the document's paths.
	Prefix string
	// Spec is the loaded document.
	Spec *openapi3.T

	router routers.Router
	// errorSchema and errorMediaType are the shape that every error answer
	// of the API has. An answer to a path that matches no operation is
	// checked against them.
	errorSchema    *openapi3.SchemaRef
	errorMediaType string
}

// sources maps the sandbox's prefixes onto the documents, with the name of
// each document's error schema.
var sources = []struct {
	file, prefix, errorSchema, errorMediaType string
}{
	{api.AmplitudeDeveloper, "/developer-api", "Problem", "application/problem+json"},
	{api.AmplitudeBasic, "/amplitude", "Error", "application/json"},
	{api.Braze, "/braze", "Error", "application/json"},
}

var loaded struct {
	once sync.Once
	docs []*Document
	err  error
}

// Documents loads, validates and indexes the documents, once.
func Documents() ([]*Document, error) {
	loaded.once.Do(func() {
		for _, src := range sources {
			doc, err := load(src.file, src.prefix, src.errorSchema, src.errorMediaType)
			if err != nil {
				loaded.err = err
				return
			}
			loaded.docs = append(loaded.docs, doc)
		}
	})
	return loaded.docs, loaded.err
}

func load(file, prefix, errorSchema, errorMediaType string) (*Document, error) {
	name := "api/" + file
	spec, err := api.Load(file)
	if err != nil {
		return nil, err
	}
	schema := spec.Components.Schemas[errorSchema]
	if schema == nil {
		return nil, fmt.Errorf("%s has no components.schemas.%s, the shape of its errors", name, errorSchema)
	}
	// The document's servers are the vendor's hosts, but the sandbox serves
	// each API below a path prefix on one host, so the router is given the
	// prefix as the only server.
	routed := *spec
	routed.Servers = openapi3.Servers{{URL: prefix}}
	router, err := gorillamux.NewRouter(&routed)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Document{Name: name, Prefix: prefix, Spec: spec, router: router, errorSchema: schema, errorMediaType: errorMediaType}, nil
}

// documentFor returns the document whose prefix path is under, or nil when
// path is under none.
func documentFor(docs []*Document, path string) *Document {
	for _, d := range docs {
		if path == d.Prefix || strings.HasPrefix(path, d.Prefix+"/") {
			return d
		}
	}
	return nil
}
