// Package sandbox is a local emulator of the vendor APIs the providers
// call, and the one place it is put together: cmd/sandbox, the tests of
// the clients and providers, and the sandbox's own tests all open it here.
// It is made of one package per vendor API on a shared core:
//
//   - core: the handler they are served on, the request pipeline, the
//     serving of each API from its OpenAPI document in api/ (which checks
//     every request's shape), the store and state file, faults,
//     statistics, control endpoints;
//   - developerapi: Amplitude's Developer API under /developer-api, with
//     its sections in developerapi/destinations and developerapi/taxonomy;
//   - amplitudeapi: Amplitude's Basic-auth APIs under /amplitude (cohorts,
//     delivery metrics, the modelled syncs);
//   - brazeapi: Braze under /braze (REST keys, custom attributes and
//     events, segments).
//
// It is an emulator, not a mock: it keeps state, checks credentials and
// permissions, checks requests against the documents in api/ and the vendors'
// rules, and answers in each vendor's own shapes, so that a client that
// works against it has been checked against the vendors' rules. Time is
// simulated: syncs run as Options.Now passes their cadence, and what they
// write to Braze appears there. It imports none of this repository's API
// clients, nor the providers' vendor facts: they are tested against it, and
// sharing code would let the two share a mistake.
package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/amplitudeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi/destinations"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi/taxonomy"
)

// The seeded accounts' credentials and where the APIs are served. They are
// public on purpose: the sandbox only listens on loopback and holds no real
// data.
const (
	AmplitudeAPIKey    = amplitudeapi.APIKey
	AmplitudeSecretKey = amplitudeapi.SecretKey

	// DeveloperAPIAdminToken is a Personal Access Token of the Developer API
	// with every scope the providers use; DeveloperAPIReadOnlyToken has the
	// read scopes only; DeveloperAPIEditorToken is a teammate's that may
	// manage the tracking plan only. Any token may be sent as
	// "Bearer PAT=<token>" or "Bearer <token>".
	DeveloperAPIAdminToken    = developerapi.AdminToken
	DeveloperAPIReadOnlyToken = developerapi.ReadOnlyToken
	DeveloperAPIEditorToken   = developerapi.EditorToken
	// AmplitudeProjectID is the id of the sandbox's one Amplitude project,
	// the {project_id} of the Developer API's project paths.
	AmplitudeProjectID = developerapi.ProjectID

	BrazeAdminKey   = brazeapi.AdminKey
	BrazeAdminKeyID = brazeapi.AdminKeyID
	BrazeAppID      = brazeapi.AppID

	// Where each API is served: its base URL is the sandbox's URL followed
	// by the path.
	DeveloperAPIPath = developerapi.Path
	AmplitudePath    = amplitudeapi.Path
	BrazePath        = brazeapi.Path
)

// Options configure a Server.
type Options = core.Options

// Faults are the failures the sandbox injects into vendor requests, in the
// shape of PUT /_sandbox/faults.
type Faults = core.Faults

// Server is the sandbox: an http.Handler serving Amplitude's Developer API
// under /developer-api, Amplitude's other APIs under /amplitude, the Braze
// API under /braze and control endpoints under /_sandbox, to loopback
// callers that are not web pages. It is safe for concurrent use.
type Server struct {
	parts Parts
}

// Parts are the emulated APIs a Server is made of, for the sandbox's own
// tests, which reach into one.
type Parts struct {
	Core         *core.Sandbox
	Braze        *brazeapi.API
	Developer    *developerapi.API
	Taxonomy     *taxonomy.API
	Destinations *destinations.API
	Amplitude    *amplitudeapi.API
}

// Open puts the sandbox together and loads its state file if
// Options.StatePath names one that exists. Each API is added after those
// its rules look at: Braze first, then the Developer API's shared part and
// its sections, then Amplitude's other APIs, whose syncs reach all of them.
func Open(opts Options) (*Server, error) {
	if opts.Contradict != "" && !slices.Contains(core.Contradictions, opts.Contradict) {
		return nil, fmt.Errorf("unknown contradiction %q; valid settings are %s", opts.Contradict, strings.Join(core.Contradictions, ", "))
	}
	sb := core.New(opts)
	p := Parts{Core: sb, Braze: brazeapi.New(sb), Developer: developerapi.New(sb)}
	p.Taxonomy = taxonomy.New(sb, p.Developer)
	p.Destinations = destinations.New(sb, p.Developer, p.Braze, p.Taxonomy)
	p.Amplitude = amplitudeapi.New(sb, p.Destinations, p.Taxonomy, p.Braze)
	if err := sb.Start(); err != nil {
		return nil, err
	}
	return &Server{parts: p}, nil
}

// New is Open for callers whose options cannot fail: it panics if the state
// file cannot be loaded, which never happens without Options.StatePath.
func New(opts Options) *Server {
	s, err := Open(opts)
	if err != nil {
		panic(err)
	}
	return s
}

// Parts returns the APIs the sandbox is made of.
func (s *Server) Parts() Parts { return s.parts }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.parts.Core.ServeHTTP(w, r)
}

// SetFaults replaces the faults in force and returns them with defaults
// filled in. It panics on out-of-range values, because its callers pass
// constants and a bad one is a bug. PUT /_sandbox/faults validates what it
// is sent and answers an error instead.
func (s *Server) SetFaults(f Faults) Faults {
	return s.parts.Core.SetFaults(f)
}

// Stats is what GET /_sandbox/stats reports: the vendor requests received
// since the last reset, and how many objects the vendors hold.
type Stats struct {
	Requests RequestStats `json:"requests"`
	Objects  ObjectCounts `json:"objects"`
}

// RequestStats counts vendor requests, whatever their answer, by method and
// by route pattern.
type RequestStats = core.RequestStats

// ObjectCounts are the objects the vendors hold, per kind, seed included;
// soft-deleted tracking-plan objects are not counted. Each field is a kind
// a vendor package counts (its state's Count), by the same JSON name.
type ObjectCounts struct {
	Destinations     int `json:"destinations"`
	Syncs            int `json:"syncs"`
	APIKeys          int `json:"api_keys"`
	UserProperties   int `json:"user_properties"`
	Events           int `json:"events"`
	EventProperties  int `json:"event_properties"`
	Cohorts          int `json:"cohorts"`
	CustomAttributes int `json:"custom_attributes"`
}

// Stats reports the vendor requests since the last reset and the stored
// object counts, like GET /_sandbox/stats.
func (s *Server) Stats() Stats {
	stats := s.parts.Core.Stats()
	o := stats.Objects
	return Stats{Requests: stats.Requests, Objects: ObjectCounts{
		Destinations:     o["destinations"],
		Syncs:            o["syncs"],
		APIKeys:          o["api_keys"],
		UserProperties:   o["user_properties"],
		Events:           o["events"],
		EventProperties:  o["event_properties"],
		Cohorts:          o["cohorts"],
		CustomAttributes: o["custom_attributes"],
	}}
}
