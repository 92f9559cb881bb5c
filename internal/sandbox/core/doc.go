// Package core holds what the sandbox's vendor packages share. It knows no
// vendor itself. It has:
//
//   - the Sandbox the vendors are served on: one loopback handler, the
//     request pipeline every vendor request goes through, and the control
//     endpoints;
//   - the serving of a vendor API from its OpenAPI document, which checks
//     each request's shape;
//   - the Store, which holds their state behind one lock and in one state
//     file;
//   - the injected faults, the request statistics and rate-limit windows;
//   - the errors, which each vendor answers in its own shape.
//
// How the vendors share state. Each vendor package owns its objects, in a
// state struct it adds to the Store as its Part. Where one vendor's rule
// looks at another's objects (a destination's Braze key, a sync's
// destination and user property, the Braze attributes and segments a
// sync's runs make), the owning package exports a few narrow functions,
// each taking a *Tx: proof that the caller holds the store's lock. So a
// check across vendors sees one consistent whole, as one vendor account
// would, and no package reaches into another's objects. One state struct
// for every vendor would have put every model in one package; parts keep
// each vendor's objects where a newcomer looks for them, at the cost of
// those few functions. Simulated time (syncs running as the clock passes
// their cadence) is a hook a vendor adds with OnAccess, which runs at the
// start of every access under the same lock.
package core
