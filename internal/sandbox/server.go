package sandbox

import (
	"fmt"
	"net/http"
	"time"
)

// Options configure a Server.
type Options struct {
	// Latency is added to every vendor request, like the round trip to a
	// real vendor.
	Latency time.Duration
	// StatePath, if set, is a JSON file the state is loaded from at start
	// (when it exists) and saved to after every change.
	StatePath string
	// Now is the clock for timestamps, rate-limit windows and simulated
	// time (syncs run as it passes their cadence); nil means time.Now.
	Now func() time.Time
}

// Server is the sandbox: an http.Handler serving Amplitude's Developer API
// under /developer-api, Amplitude's other APIs under /amplitude, the Braze
// API under /braze and control endpoints under /_sandbox, to loopback
// callers that are not web pages (see refuseBrowsers). It is safe for
// concurrent use.
type Server struct {
	handler   http.Handler
	now       func() time.Time
	latency   time.Duration
	store     *store
	faults    faultSwitch
	requests  requestCounter
	developer developerAPI
	amplitude amplitudeAPI
	braze     brazeAPI
	// brazeExports is Braze with the hourly limit its export endpoints
	// share.
	brazeExports brazeAPI
	// searchWindow is how many results of a query the Developer API's lists
	// page through.
	searchWindow int
}

// Open returns a Server, loading its state file if Options.StatePath names
// one that exists.
func Open(opts Options) (*Server, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	st := seed(now())
	if opts.StatePath != "" {
		saved, found, err := loadStateFile(opts.StatePath)
		if err != nil {
			return nil, fmt.Errorf("sandbox: %w", err)
		}
		if found {
			st = saved
		}
	}
	brazeFault := &window{}
	s := &Server{
		now:          now,
		latency:      opts.Latency,
		store:        &store{state: st, path: opts.StatePath, now: now},
		developer:    developerAPI{limit: &window{}},
		amplitude:    amplitudeAPI{limit: &window{}},
		braze:        brazeAPI{fault: brazeFault, limit: &window{}},
		brazeExports: brazeAPI{fault: brazeFault, limit: &window{}},
		searchWindow: developerSearchWindow,
	}
	s.requests.reset()
	s.resetBrazeLimits()
	s.SetFaults(Faults{})
	s.handler = refuseBrowsers(s.routes())
	return s, nil
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

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Reset returns the sandbox to the seed, turns faults off and zeroes the
// statistics, like POST /_sandbox/reset.
// The error is a failed save of the state file.
func (s *Server) Reset() error {
	s.SetFaults(Faults{})
	s.requests.reset()
	s.resetBrazeLimits()
	return s.store.replace(seed(s.now()))
}

// SetFaults replaces the faults in force and returns them with defaults
// filled in. It panics on out-of-range values, as callers pass constants;
// PUT /_sandbox/faults is the validating way in.
func (s *Server) SetFaults(f Faults) Faults {
	inForce, err := s.changeFaults(func(Faults) Faults { return f })
	if err != nil {
		panic(fmt.Sprintf("sandbox.SetFaults: %v", err))
	}
	return inForce
}

// Stats reports the vendor requests since the last reset and the stored
// object counts, like GET /_sandbox/stats.
func (s *Server) Stats() Stats {
	stats := Stats{Requests: s.requests.snapshot()}
	s.store.read(func(st *state) { stats.Objects = st.objectCounts() })
	return stats
}

// changeFaults edits the faults in force and sets the rate-limit fault's
// windows to match.
func (s *Server) changeFaults(edit func(Faults) Faults) (Faults, error) {
	return s.faults.change(edit, func(f Faults) {
		s.developer.limit.configure(f.RateLimitPerSecond, time.Second)
		s.amplitude.limit.configure(f.RateLimitPerSecond, time.Second)
		s.braze.fault.configure(f.RateLimitPerSecond, time.Second)
	})
}

// resetBrazeLimits starts Braze's own hourly limits afresh.
func (s *Server) resetBrazeLimits() {
	s.braze.limit.configure(brazeDefaultLimit, time.Hour)
	s.brazeExports.limit.configure(brazeExportLimit, time.Hour)
}
