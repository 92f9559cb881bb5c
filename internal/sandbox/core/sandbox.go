package core

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Options configure a Sandbox.
type Options struct {
	// Latency is added to every vendor request, like the round trip to a
	// real vendor.
	Latency time.Duration
	// StatePath, if set, is a JSON file the state is loaded from at start
	// (Start, when it exists) and saved to after every change.
	StatePath string
	// Now is the clock for timestamps, rate-limit windows and simulated
	// time (syncs run as it passes their cadence); nil means time.Now.
	Now func() time.Time
	// Contradict names one of Contradictions: an open point the sandbox
	// then answers otherwise than modelled, as a vendor might, to show that
	// make probe catches it. Empty answers every point as modelled.
	Contradict string
}

// The settings of Options.Contradict: each names the open point it turns
// around and the answer it gives instead.
const (
	// ContradictCreateExistingPlanName200 answers a create of a user
	// property already in the plan 200 instead of the modelled 201 (open
	// point: Create of an existing name).
	ContradictCreateExistingPlanName200 = "create-existing-plan-name-200"
)

// Contradictions are the valid settings of Options.Contradict.
var Contradictions = []string{ContradictCreateExistingPlanName200}

// Sandbox is what the vendor packages are served on: one http.Handler on
// one loopback address, with the store, the faults, the statistics and the
// control endpoints. Each vendor package's constructor adds its routes, its
// part of the state and its limits; then Start checks the whole and brings
// back a saved state, and the sandbox serves. Composition is over before serving
// begins, and nothing it sets up changes afterwards; serving is safe for
// concurrent use.
type Sandbox struct {
	now        func() time.Time
	latency    time.Duration
	contradict string
	mux        *http.ServeMux
	handler    http.Handler
	store      *Store

	requests requestCounter
	faults   faultSwitch
	hold     *writeHold

	// What the vendor packages add: the APIs they serve, the rate-limit
	// fault's windows and the reset hooks.
	apis         []*API
	faultWindows []*Window
	resets       []func()
}

// New returns a sandbox serving the control endpoints and no vendor API
// yet: the vendor packages' constructors add theirs.
func New(opts Options) *Sandbox {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	sb := &Sandbox{
		now:        now,
		latency:    opts.Latency,
		contradict: opts.Contradict,
		mux:        http.NewServeMux(),
		store:      &Store{now: now, path: opts.StatePath},
		hold:       newWriteHold(),
	}
	sb.handler = refuseBrowsers(sb.mux)
	sb.requests.reset()
	sb.SetFaults(Faults{})
	sb.controlRoutes()
	return sb
}

// Contradicts reports whether Options.Contradict is setting.
func (sb *Sandbox) Contradicts(setting string) bool { return sb.contradict == setting }

// Start ends the composition, once every vendor package has added its
// API and its part of the state: it checks that every operation of every
// document has a handler, then replaces the seeds with the state file's if
// Options.StatePath names one that exists.
func (sb *Sandbox) Start() error {
	var unserved []string
	for _, a := range sb.apis {
		unserved = append(unserved, a.unserved()...)
	}
	if len(unserved) > 0 {
		return fmt.Errorf("sandbox: no handler serves %s", strings.Join(unserved, ", "))
	}
	if err := sb.store.load(); err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	return nil
}

func (sb *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sb.handler.ServeHTTP(w, r)
}

// Now returns the time on the sandbox's clock.
func (sb *Sandbox) Now() time.Time { return sb.now() }

// Store returns the store that holds the state of every vendor package
// behind one lock.
func (sb *Sandbox) Store() *Store { return sb.store }

// HandleControl serves a control endpoint below /_sandbox. Control requests
// bypass the vendor pipeline, so they are never counted and no fault hits
// them.
func (sb *Sandbox) HandleControl(pattern string, h http.HandlerFunc) {
	sb.mux.Handle(pattern, h)
}

// FaultWindow returns a window for one vendor API's share of the
// rate-limit fault. rate_limit_per_second applies to each vendor API
// separately, because they are separate services. While the fault is off
// the window's limit is 0, which admits everything.
func (sb *Sandbox) FaultWindow() *Window {
	w := &Window{}
	w.Configure(sb.faults.get().RateLimitPerSecond, time.Second)
	sb.faultWindows = append(sb.faultWindows, w)
	return w
}

// OnReset adds what a reset does beyond reseeding the state and turning
// faults off, such as starting a vendor's own rate-limit windows afresh.
func (sb *Sandbox) OnReset(fn func()) {
	sb.resets = append(sb.resets, fn)
}

// Reset returns the sandbox to the seed, turns faults off, zeroes the
// statistics and starts the vendors' limits afresh, like POST
// /_sandbox/reset. It returns an error only when saving the state file
// fails.
func (sb *Sandbox) Reset() error {
	sb.SetFaults(Faults{})
	sb.requests.reset()
	for _, reset := range sb.resets {
		reset()
	}
	return sb.store.reseed()
}

// SetFaults replaces the faults in force and returns them with defaults
// filled in. It panics on out-of-range values, because its callers pass
// constants and a bad one is a bug. PUT /_sandbox/faults validates what it
// is sent and answers an error instead.
func (sb *Sandbox) SetFaults(f Faults) Faults {
	inForce, err := sb.changeFaults(func(Faults) (Faults, error) { return f, nil })
	if err != nil {
		panic(fmt.Sprintf("sandbox.SetFaults: %v", err))
	}
	return inForce
}

// changeFaults edits the faults in force and sets the rate-limit fault's
// windows and the write hold to match.
func (sb *Sandbox) changeFaults(edit func(Faults) (Faults, error)) (Faults, error) {
	return sb.faults.change(edit, func(f Faults) {
		for _, w := range sb.faultWindows {
			w.Configure(f.RateLimitPerSecond, time.Second)
		}
		sb.hold.configure(f.HoldWritesAfter)
	})
}

// Stats reports the vendor requests since the last reset and the stored
// object counts, like GET /_sandbox/stats.
func (sb *Sandbox) Stats() Stats {
	return Stats{Requests: sb.requests.snapshot(), Objects: sb.store.counts()}
}
