package core

import (
	"math/rand/v2"
	"net/http"
	"sync"
)

// Faults are the failures the sandbox injects into vendor requests, so that
// clients can be tested against a slow, failing or rate-limiting vendor. A
// zero value turns its fault off. The JSON shape is that of /_sandbox/faults.
type Faults struct {
	// LatencyMS is added to every vendor request, after Options.Latency.
	LatencyMS int `json:"latency_ms"`
	// ErrorRate (0–1) is the share of vendor requests answered with
	// ErrorStatus before any processing.
	ErrorRate float64 `json:"error_rate"`
	// ErrorStatus is the status of injected errors; 0 means 503.
	ErrorStatus int `json:"error_status"`
	// RateLimitPerSecond answers 429 past this many requests per one-second
	// window, per vendor API (the Developer API, Amplitude's other APIs,
	// Braze): each has a FaultWindow.
	RateLimitPerSecond int `json:"rate_limit_per_second"`
	// DropResponseRate (0–1) is the share of writes (POST, PUT, PATCH,
	// DELETE) that are applied and then lose their response: the connection
	// is cut before any byte of it is written.
	DropResponseRate float64 `json:"drop_response_rate"`
	// HoldWritesAfter lets this many writes through, counted from when it is
	// set, and parks every later write before it is applied until POST
	// /_sandbox/release or until the fault is turned off (which releases
	// them all). GET /_sandbox/held waits until writes are parked.
	HoldWritesAfter int `json:"hold_writes_after"`
}

const defaultErrorStatus = http.StatusServiceUnavailable

func (f Faults) validate() error {
	var p Problems
	if f.LatencyMS < 0 {
		p.Add("latency_ms must be 0 or more")
	}
	if f.ErrorRate < 0 || f.ErrorRate > 1 {
		p.Add("error_rate must be from 0 to 1")
	}
	if f.ErrorStatus != 0 && (f.ErrorStatus < 400 || f.ErrorStatus > 599) {
		p.Add("error_status must be an HTTP error status from 400 to 599")
	}
	if f.RateLimitPerSecond < 0 {
		p.Add("rate_limit_per_second must be 0 or more")
	}
	if f.DropResponseRate < 0 || f.DropResponseRate > 1 {
		p.Add("drop_response_rate must be from 0 to 1")
	}
	if f.HoldWritesAfter < 0 {
		p.Add("hold_writes_after must be 0 or more")
	}
	return p.Err()
}

// inForce fills in the defaults, so callers see the settings that apply.
func (f Faults) inForce() Faults {
	if f.ErrorStatus == 0 {
		f.ErrorStatus = defaultErrorStatus
	}
	return f
}

// faultsPatch is a PUT /_sandbox/faults body: fields not sent keep their value.
type faultsPatch struct {
	LatencyMS          *int     `json:"latency_ms"`
	ErrorRate          *float64 `json:"error_rate"`
	ErrorStatus        *int     `json:"error_status"`
	RateLimitPerSecond *int     `json:"rate_limit_per_second"`
	DropResponseRate   *float64 `json:"drop_response_rate"`
	HoldWritesAfter    *int     `json:"hold_writes_after"`
}

func (p faultsPatch) applyTo(f Faults) Faults {
	setIfSent(&f.LatencyMS, p.LatencyMS)
	setIfSent(&f.ErrorRate, p.ErrorRate)
	setIfSent(&f.ErrorStatus, p.ErrorStatus)
	setIfSent(&f.RateLimitPerSecond, p.RateLimitPerSecond)
	setIfSent(&f.DropResponseRate, p.DropResponseRate)
	setIfSent(&f.HoldWritesAfter, p.HoldWritesAfter)
	return f
}

func setIfSent[T any](field *T, sent *T) {
	if sent != nil {
		*field = *sent
	}
}

// faultSwitch holds the faults in force; requests read it concurrently.
type faultSwitch struct {
	mu     sync.Mutex
	faults Faults
}

func (s *faultSwitch) get() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults
}

// change replaces the faults with what edit makes of them, refusing invalid
// results. It holds the lock throughout, so concurrent partial updates do not
// lose each other's fields, and calls apply under it too, so whatever apply
// configures never disagrees with the faults in force.
func (s *faultSwitch) change(edit func(Faults) Faults, apply func(Faults)) (Faults, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := edit(s.faults)
	if err := f.validate(); err != nil {
		return s.faults, err
	}
	s.faults = f.inForce()
	apply(s.faults)
	return s.faults, nil
}

// chance reports true with probability rate.
func chance(rate float64) bool {
	return rate > 0 && rand.Float64() < rate
}
