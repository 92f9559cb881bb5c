// Package brazeapi is the sandbox's Braze, served under /braze for every
// Braze instance: one workspace with its REST API keys (the modeled
// /api_keys endpoints, api/braze.openapi.yaml, modelled), custom attributes (GET
// /custom_attributes), custom events (GET /events) and segments (GET
// /segments/list), behind Braze's Bearer authentication, permissions, error
// shape and hourly rate limits with their X-RateLimit-* headers. The
// exports of custom attributes and custom events share Braze's limit of
// 1,000 requests an hour; the other endpoints report the default 250,000.
//
// The Amplitude halves of the sandbox meet Braze through the few functions
// this package exports for them, which take the store's *core.Tx: a
// destination's key is checked with KeyExists, KeyHas and KeyAllows,
// Amplitude's syncs write attributes with WriteCustomAttribute and segments
// with AddPartnerSegment. Instances and Permissions are the sandbox's own
// copies of those Braze facts, which a test in internal/facts holds to the
// providers' copies.
//
// Files follow one rule: <topic>.go holds a topic's types and logic,
// <topic>_handlers.go its HTTP handlers, <topic>_validate.go what a request
// about it must hold, and <topic>_test.go its tests. A topic is
// an object of the API (api_key, app, custom_attribute, custom_event,
// segment, instance, permission) or a concern of the whole package: api
// (Braze's conventions and limits), auth, control (the control endpoints'
// shared body), paging (what the two exports share), routes, seed and state
// (the workspace, the store's part).
//
// Two test files are Go's conventions rather than topics: helpers_test.go
// (the package's additions to the shared fixture, sandboxtest) and
// export_test.go (hooks into the package for its tests).
package brazeapi
