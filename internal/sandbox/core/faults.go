package core

import (
	"errors"
	"math/rand/v2"
	"net/http"
	"strings"
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
	var problems []string
	for _, rule := range []struct {
		broken  bool
		message string
	}{
		{f.LatencyMS < 0, "latency_ms must be 0 or more"},
		{f.ErrorRate < 0 || f.ErrorRate > 1, "error_rate must be from 0 to 1"},
		{f.ErrorStatus != 0 && (f.ErrorStatus < 400 || f.ErrorStatus > 599), "error_status must be an HTTP error status from 400 to 599"},
		{f.RateLimitPerSecond < 0, "rate_limit_per_second must be 0 or more"},
		{f.DropResponseRate < 0 || f.DropResponseRate > 1, "drop_response_rate must be from 0 to 1"},
		{f.HoldWritesAfter < 0, "hold_writes_after must be 0 or more"},
	} {
		if rule.broken {
			problems = append(problems, rule.message)
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
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
// results. It holds the lock throughout, so that concurrent partial updates
// do not lose each other's fields, and calls apply under it too, so that
// whatever apply configures never disagrees with the faults in force. Zero
// turns every fault off, except error_status, where zero stands for the
// default status (503).
func (s *faultSwitch) change(edit func(Faults) (Faults, error), apply func(Faults)) (Faults, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := edit(s.faults)
	if err == nil {
		err = f.validate()
	}
	if err != nil {
		return s.faults, err
	}
	if f.ErrorStatus == 0 {
		f.ErrorStatus = defaultErrorStatus
	}
	s.faults = f
	apply(s.faults)
	return s.faults, nil
}

// chance reports true with probability rate.
func chance(rate float64) bool {
	return rate > 0 && rand.Float64() < rate
}
