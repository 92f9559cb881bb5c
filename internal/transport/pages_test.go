package transport

import (
	"fmt"
	"strings"
	"testing"
)

func TestCursorsStopARepeatedCursor(t *testing.T) {
	cursors := NewCursors("GET /api/2/syncs")
	for _, c := range []string{"a", "b", "c"} {
		if err := cursors.Follow(c); err != nil {
			t.Fatalf("Follow(%q): %v", c, err)
		}
	}
	err := cursors.Follow("b")
	if err == nil || !strings.Contains(err.Error(), "GET /api/2/syncs: page 4 handed back the cursor of page 2") {
		t.Errorf("err = %v; want the repeat named with the listing", err)
	}
}

func TestCursorsStopAnEndlessListing(t *testing.T) {
	cursors := NewCursors("GET /custom_attributes")
	var err error
	for i := 0; err == nil; i++ {
		if i > maxPages {
			t.Fatalf("no error after %d distinct cursors", i)
		}
		err = cursors.Follow(fmt.Sprint(i))
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("more than %d pages", maxPages)) {
		t.Errorf("err = %v; want the page limit named", err)
	}
}
