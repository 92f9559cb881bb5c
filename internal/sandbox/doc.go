// Package sandbox is a local emulator of the vendor APIs the providers call:
// Amplitude's Developer API under /developer-api, Amplitude's other
// endpoints under /amplitude and the Braze endpoints under /braze, plus
// control endpoints under /_sandbox.
//
// It is an emulator, not a mock: it keeps state, checks credentials and
// permissions, validates requests the way the vendors do (DESIGN.md §2–3) and
// answers in each vendor's own shapes, so a client that works against the
// sandbox has been checked against the vendor's rules. Time is simulated:
// syncs run as Options.Now passes their cadence, and what they write to
// Braze appears there. It deliberately
// imports none of this repository's API clients: they are tested against it,
// and sharing code would let the two share a mistake.
package sandbox
