// Package readcache lets a client answer many reads of one kind of object
// from a single list request. A client lives only as long as one Terraform
// command, so a listing taken during that command is fresh enough to answer
// the command's later reads.
package readcache

import (
	"context"
	"sync"
)

// prefetchAfterReads is how many reads of one kind a client sends one by one
// before it lists all objects of that kind instead. A plan of a few objects
// then costs a few requests, and a plan of hundreds costs a few list pages
// instead of hundreds of single reads.
const prefetchAfterReads = 5

// Cache answers reads of one kind of object from a single listing. Every read
// it answers sees the objects as they were when they were listed, so the
// client must call Forget after any write, or later reads would miss it.
type Cache[T any] struct {
	mu     sync.Mutex
	reads  int
	byID   map[string]T
	list   func(context.Context) ([]T, error)
	idOf   func(T) string
	active bool
}

// New returns a cache that lists objects with list and keys them by idOf.
// When active is false the cache never answers, so every read goes to the API.
func New[T any](active bool, list func(context.Context) ([]T, error), idOf func(T) string) *Cache[T] {
	return &Cache[T]{active: active, list: list, idOf: idOf}
}

// Lookup returns the object with the given id from the listing. It returns
// false when the cache cannot answer: it is inactive, there have been too few
// reads yet to be worth a listing, the listing failed, or the id is not in
// it. The caller then asks the API for that one object.
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

// Forget drops the listing. Call it after every write, so that the next
// reads list the objects afresh.
func (c *Cache[T]) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byID = nil
}
