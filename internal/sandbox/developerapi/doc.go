// Package developerapi is the sandbox's Amplitude Developer API
// (amplitude.com/docs/apis/developer; its contract here,
// api/amplitude-developer.openapi.yaml), served under /developer-api as on
// developer-api.amplitude.com: the token's context and projects, the
// destination types, destinations (no delete), and the tracking plan (events,
// event properties, user properties), whose writes run under a required
// Idempotency-Key. Errors are RFC 9457 problem documents; lists page with
// cursors within a search window; Personal Access Tokens carry scopes.
//
// A Braze destination's key is checked against the sandbox's Braze
// (package brazeapi) through the functions that package exports. For
// Amplitude's other APIs (package amplitudeapi), this package exports
// Destination, RemoveDestination and UserProperty, which take the store's
// *core.Tx: syncs send through destinations and sync user properties.
// AmplitudeEgressIPs is the sandbox's own copy of that Amplitude fact,
// which a test in internal/facts holds to the providers' copy.
//
// Every rule the sandbox emulates cites its source in a comment: the
// vendor's page, or, where the docs leave a point open, "open point: <name>"
// and the contract that records the sandbox's answer. What is neither says
// it is the sandbox's own choice.
//
// Files follow one rule: <topic>.go holds a topic's types and logic,
// <topic>_handlers.go its HTTP handlers, <topic>_validate.go what a
// request about it must hold, and <topic>_test.go its tests. A topic is an
// object of the API (project, destination_type, destination,
// destination_plan, credential, event, event_property, user_property,
// taxonomy: what the tracking plan's events and properties share,
// idempotency) or a concern of the whole package: api (envelopes, problem
// documents, the rate limit), auth (tokens and scopes), body (reading
// request bodies and parameters), pagination, routes, seed and state (the
// project, the store's part).
//
// Two test files are Go's conventions rather than topics: helpers_test.go
// (the package's additions to the shared fixture, sandboxtest) and
// export_test.go (hooks into the package for its tests).
package developerapi
