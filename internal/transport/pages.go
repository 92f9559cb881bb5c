package transport

import "fmt"

// maxPages bounds a listing however its cursors behave: 10,000 pages is ten
// million objects at the vendors' largest page size.
const maxPages = 10_000

// Cursors guards a listing that follows the cursors (or next-page links) a
// server hands out. A server that hands back one it gave before, or never
// stops, would otherwise keep the listing, and the plan, going forever.
type Cursors struct {
	listing string
	pages   int
	// seen maps each cursor to the page that handed it out.
	seen map[string]int
}

// NewCursors starts the guard of one listing; listing names it in errors,
// e.g. "GET /api/2/syncs".
func NewCursors(listing string) *Cursors {
	return &Cursors{listing: listing, pages: 1, seen: map[string]int{}}
}

// Follow records the cursor the page just read points to, and fails when
// an earlier page handed out the same one or the listing has grown past
// maxPages.
func (c *Cursors) Follow(cursor string) error {
	if first, ok := c.seen[cursor]; ok {
		return fmt.Errorf("%s: page %d handed back the cursor of page %d; the listing would never end, so it was stopped", c.listing, c.pages, first)
	}
	if c.pages >= maxPages {
		return fmt.Errorf("%s: more than %d pages; the listing was stopped there", c.listing, maxPages)
	}
	c.seen[cursor] = c.pages
	c.pages++
	return nil
}
