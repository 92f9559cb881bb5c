package core

import (
	"encoding/json"
	"reflect"
	"sync"
	"time"
)

// Store holds the state of every vendor package behind one lock, so every
// request sees, and changes, a consistent whole: a destination check can
// look at Braze keys and Amplitude names in the same breath, as one vendor
// account would. Each vendor package keeps its own objects in a Part and
// touches them, and calls what other packages export for it, only inside
// Read, Touch or Update, whose Tx proves the lock is held.
//
// Simulated time moves on its own: before each access the store runs the
// catch-up hooks (OnAccess), which apply what the clock says has happened
// since the last one. Those effects follow from the stored objects and the
// clock alone, so an access that only reads need not save them: a
// restarted sandbox derives them again.
type Store struct {
	mu  sync.Mutex
	now func() time.Time
	// path is the state file; empty keeps the state in memory only.
	path     string
	parts    []namedPart
	catchUps []func(*Tx)
}

// Tx is an access to the store in progress: holding one means holding the
// lock. Functions a vendor package exports for the others take it as their
// first argument, so they can only be called where the state is
// consistent.
type Tx struct {
	now time.Time
}

// Now is the clock's time when the access began, up to which simulated
// time has been applied.
func (tx *Tx) Now() time.Time { return tx.now }

// Part is one vendor package's share of the state: a pointer to a struct
// whose exported fields the state file keeps, as encoding/json writes and
// reads them. The store calls its methods under its lock.
type Part interface {
	// Seed replaces the part's state with the seed, as made at now: the
	// objects a real account would already have.
	Seed(now time.Time)
	// Count adds the part's live objects, by kind, to counts, which GET
	// /_sandbox/stats reports as its objects.
	Count(counts map[string]int)
}

type namedPart struct {
	name string
	part Part
}

// AddPart adds a vendor package's part under name, its key in the state
// file, seeded as of now.
func (s *Store) AddPart(name string, p Part) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p.Seed(s.now())
	s.parts = append(s.parts, namedPart{name, p})
}

// OnAccess adds a catch-up hook: fn applies what simulated time has done
// by tx.Now(), before every access.
func (s *Store) OnAccess(fn func(tx *Tx)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.catchUps = append(s.catchUps, fn)
}

// begin starts an access; the caller holds the lock.
func (s *Store) begin() *Tx {
	tx := &Tx{now: s.now()}
	for _, catchUp := range s.catchUps {
		catchUp(tx)
	}
	return tx
}

// Read runs fn with the state as of now.
func (s *Store) Read(fn func(*Tx)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s.begin())
}

// Update runs fn and, if it succeeds, saves the state file. The file is
// written under the lock so that saves land in the order the changes did. A
// failed save leaves the change applied in memory, like a server that
// committed and then failed to answer.
func (s *Store) Update(fn func(*Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := fn(s.begin()); err != nil {
		return err
	}
	return s.save()
}

// Touch runs fn without saving: for bookkeeping such as a key's
// last_seen_at, which is not worth a disk write per request. The next save
// carries it.
func (s *Store) Touch(fn func(*Tx)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s.begin())
}

// reseed puts every part back to its seed and saves.
func (s *Store) reseed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for _, p := range s.parts {
		p.part.Seed(now)
	}
	return s.save()
}

func (s *Store) save() error {
	if s.path == "" {
		return nil
	}
	parts := make(map[string]any, len(s.parts))
	for _, p := range s.parts {
		parts[p.name] = p.part
	}
	return saveStateFile(s.path, parts)
}

// load replaces the seeds with the state file's parts, if the file exists.
func (s *Store) load() error {
	if s.path == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	saved, found, err := loadStateFile(s.path)
	if err != nil || !found {
		return err
	}
	for _, p := range s.parts {
		raw, ok := saved[p.name]
		if !ok {
			return errStateFileShape(s.path, "it has no "+p.name+" part")
		}
		// The part starts from its zero value, not its seed, so that
		// nothing of the seed outlives the load.
		zeroed := reflect.ValueOf(p.part).Elem()
		zeroed.Set(reflect.Zero(zeroed.Type()))
		if err := json.Unmarshal(raw, p.part); err != nil {
			return errStateFileShape(s.path, p.name+": "+err.Error())
		}
	}
	return nil
}

// counts counts the objects of every part.
func (s *Store) counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.begin()
	counts := map[string]int{}
	for _, p := range s.parts {
		p.part.Count(counts)
	}
	return counts
}
