// Package readcache answers a client's reads of one kind of object from a
// single listing, for clients that live as long as one Terraform command: a
// plan of a few objects stays a few requests, a plan of hundreds a few list
// pages.
package readcache

import (
	"context"
	"sync"
)

// prefetchAfterReads is how many reads of one kind a client serves one by one
// before it lists them all instead: a plan of a few objects stays a few
// requests, a plan of hundreds becomes a few list pages.
const prefetchAfterReads = 5

// Cache answers reads of one kind of object from a single listing. Its reads
// all see the objects as they were when first listed; any write through the
// client must Forget the listing.
type Cache[T any] struct {
	mu     sync.Mutex
	reads  int
	byID   map[string]T
	list   func(context.Context) ([]T, error)
	idOf   func(T) string
	active bool
}

// New returns a cache over list, keyed by idOf; an inactive one answers
// nothing, so every read goes to the API.
func New[T any](active bool, list func(context.Context) ([]T, error), idOf func(T) string) *Cache[T] {
	return &Cache[T]{active: active, list: list, idOf: idOf}
}

// Lookup reports the object id from the listing. ok is false when the cache
// cannot answer (inactive, too few reads yet, or id absent from the listing),
// and the caller then asks the API for that one object.
func (c *Cache[T]) Lookup(ctx context.Context, id string) (T, bool) {
	var zero T
	if !c.active {
		return zero, false
	}
	// Holding the lock while listing makes concurrent readers wait for the
	// one listing instead of each sending their own request.
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads++
	if c.byID == nil && c.reads > prefetchAfterReads {
		all, err := c.list(ctx)
		if err != nil {
			return zero, false
		}
		c.byID = make(map[string]T, len(all))
		for _, v := range all {
			c.byID[c.idOf(v)] = v
		}
	}
	v, ok := c.byID[id]
	return v, ok
}

// Forget drops the listing after a write.
func (c *Cache[T]) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byID = nil
}
