package amplitude

import (
	"strings"
	"testing"
)

func TestParseImportID(t *testing.T) {
	for raw, want := range map[string]string{"abc-123": "abc-123", "  5f2d7c1e9a4b\n": "5f2d7c1e9a4b"} {
		if got, err := parseImportID(raw); err != nil || got != want {
			t.Errorf("parseImportID(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	for _, bad := range []string{"", "   ", "a/b", "a b", "x?y", "\xff"} {
		if got, err := parseImportID(bad); err == nil {
			t.Errorf("parseImportID(%q) = %q; want an error", bad, got)
		}
	}
}

func TestParseUserPropertyImportID(t *testing.T) {
	for raw, want := range map[string]string{"gp:loyalty_tier": "loyalty_tier", "Play Song": "Play Song", " plan ": "plan"} {
		if got, err := parseUserPropertyImportID(raw); err != nil || got != want {
			t.Errorf("parseUserPropertyImportID(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	for _, bad := range []string{"", "gp:", " gp: "} {
		if _, err := parseUserPropertyImportID(bad); err == nil {
			t.Errorf("parseUserPropertyImportID(%q): want an error", bad)
		}
	}
}

func FuzzParseImportID(f *testing.F) {
	for _, seed := range []string{"abc", " a ", "a/b", "", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		id, err := parseImportID(raw)
		if err != nil {
			return
		}
		if id == "" || id != strings.TrimSpace(id) || strings.ContainsAny(id, "/?# \t\n") {
			t.Fatalf("parseImportID(%q) accepted %q", raw, id)
		}
	})
}

func FuzzParseUserPropertyImportID(f *testing.F) {
	for _, seed := range []string{"gp:plan", "plan", "gp:", "Play Song"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		name, err := parseUserPropertyImportID(raw)
		if err != nil {
			return
		}
		if name == "" || name != strings.TrimPrefix(strings.TrimSpace(raw), "gp:") {
			t.Fatalf("parseUserPropertyImportID(%q) accepted %q", raw, name)
		}
	})
}
