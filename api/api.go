// Package api holds the OpenAPI documents of the vendor APIs the clients
// call, one per API (README.md in this folder explains each), embedded so
// that internal/contract can check the clients and the sandbox against them.
package api

import "embed"

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
