package sandbox

import (
	"sync"
	"time"
)

// store holds the state behind one lock, so every request sees, and changes,
// a consistent whole: a destination check can look at Braze keys and
// Amplitude names in the same breath, as one vendor account would.
//
// Simulated time moves on its own: before each access the store applies what
// the clock says has happened since the last one (state.catchUp). Those
// effects follow from the stored objects and the clock alone, so an access
// that only reads need not save them: a restarted sandbox derives them again.
type store struct {
	mu    sync.Mutex
	state *state
	// path is the state file; empty keeps the state in memory only.
	path string
	now  func() time.Time
	// inFlight holds the Idempotency-Keys whose first request is still being
	// handled (developer_idempotency.go). It is not state: a request in
	// flight does not outlive the process.
	inFlight map[string]bool
}

func (s *store) read(fn func(*state)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.catchUp(s.now())
	fn(s.state)
}

// update runs fn and, if it succeeds, saves the state file. The file is
// written under the lock so that saves land in the order the changes did. A
// failed save leaves the change applied in memory, like a server that
// committed and then failed to answer.
func (s *store) update(fn func(*state) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.catchUp(s.now())
	if err := fn(s.state); err != nil {
		return err
	}
	return s.save()
}

// touch runs fn without saving: for bookkeeping such as last_seen_at, which
// is not worth a disk write per request. The next save carries it.
func (s *store) touch(fn func(*state)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.catchUp(s.now())
	fn(s.state)
}

// replace swaps in st, forgetting the keys in flight: their answers belong
// to the state replaced.
func (s *store) replace(st *state) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = st
	s.inFlight = nil
	return s.save()
}

func (s *store) save() error {
	if s.path == "" {
		return nil
	}
	return saveStateFile(s.path, s.state)
}
