// Package api holds the OpenAPI documents of the vendor APIs the clients
// call, one per API (README.md in this folder explains each), embedded so
// that the sandbox serves them and internal/contract checks the clients
// and the sandbox against them.
package api

import (
	"context"
	"embed"
	"fmt"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// Documents are the OpenAPI documents, by file name.
//
//go:embed *.openapi.yaml
var Documents embed.FS

// The documents, one per vendor API.
const (
	// AmplitudeDeveloper is Amplitude's Developer API (context, projects,
	// destination types, destinations, the tracking plan).
	AmplitudeDeveloper = "amplitude-developer.openapi.yaml"
	// AmplitudeBasic is Amplitude's Basic-auth APIs (cohorts, delivery
	// metrics) and the modelled syncs.
	AmplitudeBasic = "amplitude-basic.openapi.yaml"
	// Braze is Braze's REST API (exports, segments) and the modelled API
	// keys.
	Braze = "braze.openapi.yaml"
)

// Load reads the document file, resolves its references and checks that it
// is a valid OpenAPI document. Errors name the file as api/<file>. Each
// document is loaded once, as that takes a while, and the callers share
// it: they must only read it.
func Load(file string) (*openapi3.T, error) {
	mu.Lock()
	defer mu.Unlock()
	if loaded[file] == nil {
		loaded[file] = &document{}
		loaded[file].doc, loaded[file].err = load(file)
	}
	return loaded[file].doc, loaded[file].err
}

var (
	mu     sync.Mutex
	loaded = map[string]*document{}
)

type document struct {
	doc *openapi3.T
	err error
}

func load(file string) (*openapi3.T, error) {
	name := "api/" + file
	data, err := Documents.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	loader := openapi3.NewLoader()
	// Every reference stays inside the document: nothing is fetched.
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("%s is not a valid OpenAPI document: %w", name, err)
	}
	return doc, nil
}
