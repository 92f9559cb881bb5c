// Package amplitudeapi is the sandbox's Amplitude Basic-auth APIs, served under
// /amplitude as on amplitude.com: the Behavioral Cohorts API (GET
// /api/3/cohorts), the event-streaming delivery metrics (GET
// /api/2/event-streaming/delivery-metrics-summary, with Amplitude's limits of 4
// concurrent requests and 12 a minute per project), and the modeled syncs
// (/api/2/syncs, api/amplitude-basic.openapi.yaml, modelled), which push a user
// property, computation, cohort or recommendation to a Braze destination on a
// cadence. Errors take the Taxonomy API's shape, {"success": false, "errors":
// [{"message"}]}; a 429 of Amplitude's limits says nothing of when to retry,
// as Amplitude documents no header for it.
//
// Syncs join the other two packages: they send through a Developer API
// destination and may sync a user property (package developerapi:
// Destination, UserProperty), and as simulated time runs them they write
// Braze custom attributes and segments (package brazeapi:
// WriteCustomAttribute, AddPartnerSegment), all under the store's one lock.
// A destination removed out of band (DELETE /_sandbox/destinations/{id})
// takes its syncs with it, so that control endpoint is served here.
//
// Files follow one rule: <topic>.go holds a topic's types and logic,
// <topic>_handlers.go its HTTP handlers, <topic>_validate.go what a
// request about it must hold, and <topic>_test.go its tests. A topic is an
// object of the APIs (cohort, computation, recommendation,
// delivery_metrics and its delivery_limits, sync, sync_schedule) or a
// concern of the whole package: api (Amplitude's conventions), auth,
// routes, seed and state (the store's part).
//
// Two test files are Go's conventions rather than topics: helpers_test.go
// (the package's additions to the shared fixture, sandboxtest) and
// export_test.go (hooks into the package for its tests).
package amplitudeapi
