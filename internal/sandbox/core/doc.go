// Package core is what the sandbox's vendor packages share: the Sandbox
// they are served on (one loopback handler, the request pipeline every
// vendor request goes through, the control endpoints), the Store that holds
// their state behind one lock and in one state file, the clock, the
// injected faults, the request statistics, rate-limit windows, errors that
// each vendor renders in its own shape, ids, and cursor pagination. It
// knows no vendor: each vendor package (brazeapi, developerapi,
// amplitudeapi) adds its routes, its Vendor (error shape and rate limit)
// and its Part of the state, and package sandbox or cmd/sandbox composes
// them.
//
// How the vendors share state. Each vendor package owns its objects: their
// types, seed, handlers and rules live in that package, in a state struct
// the package registers as its Part, saved under its own key in the state
// file. Where one vendor's rule looks at another's objects (a destination's
// Braze key, a sync's destination and user property, the Braze attributes
// and segments a sync's runs make), the owning package exports a few
// narrow functions for it, each taking a *Tx: proof that the caller holds
// the store's lock, which every Read, Touch and Update holds for its whole
// run. So a cross-vendor check sees one consistent whole, as one vendor
// account would, and no package reaches into another's objects. The
// alternative, one state struct holding every vendor's objects, would have
// put every model in one package; per-vendor parts keep each vendor's
// objects where a newcomer looks for them, at the cost of those few
// exported functions. Simulated time (syncs running as the clock passes
// their cadence) is a catch-up hook a vendor registers with OnAccess, run
// at the start of every access under the same lock.
//
// Files follow one rule: one concern per file, <concern>.go, with its tests
// in <concern>_test.go; helpers_test.go holds what the tests share.
package core
