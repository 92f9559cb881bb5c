package amplitude

import (
	"net/url"
	"strings"
	"testing"
	"unicode"
)

func TestParseImportID(t *testing.T) {
	for raw, want := range map[string]string{"abc-123": "abc-123", "  5f2d7c1e9a4b\n": "5f2d7c1e9a4b", "dst_01J9:v2.1": "dst_01J9:v2.1", "424242": "424242"} {
		if got, err := parseImportID(raw); err != nil || got != want {
			t.Errorf("parseImportID(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	for _, bad := range []string{"", "   ", "a/b", "a b", "x?y", "\xff", ".", "..", ".hidden", "a%2Fb", "a\x00b", "a\\b", strings.Repeat("a", 129)} {
		if got, err := parseImportID(bad); err == nil {
			t.Errorf("parseImportID(%q) = %q; want an error", bad, got)
		}
	}
}

func TestParseUserPropertyImportID(t *testing.T) {
	for raw, want := range map[string]string{"gp:loyalty_tier": "loyalty_tier", "Play Song": "Play Song", " plan ": "plan", "100%": "100%", "a.b": "a.b", "[Amplitude] Country": "[Amplitude] Country"} {
		if got, err := parseUserPropertyImportID(raw); err != nil || got != want {
			t.Errorf("parseUserPropertyImportID(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	for _, bad := range []string{"", "gp:", " gp: ", ".", "gp:..", "a/b", `a\b`, "a%2fb", "%2e%2e", "a\x00b", "a\tb", "\xff"} {
		if _, err := parseUserPropertyImportID(bad); err == nil {
			t.Errorf("parseUserPropertyImportID(%q): want an error", bad)
		}
	}
}

func FuzzParseImportID(f *testing.F) {
	for _, seed := range []string{"abc", " a ", "a/b", "", "\xff", "..", "a%2Fb", "5f2d7c1e-9a4b-4c3d-8e2f-1a2b3c4d5e6f"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		id, err := parseImportID(raw)
		if err != nil {
			return
		}
		// An accepted id is one path segment that no server reads as
		// anything else: no dot segment, separator, escape or control
		// character.
		if id == "" || id != strings.TrimSpace(id) || id == "." || id == ".." || strings.HasPrefix(id, ".") ||
			strings.ContainsAny(id, "/\\?#% \t\n") || strings.IndexFunc(id, unicode.IsControl) >= 0 || id != url.PathEscape(id) {
			t.Fatalf("parseImportID(%q) accepted %q", raw, id)
		}
	})
}

func FuzzParseUserPropertyImportID(f *testing.F) {
	for _, seed := range []string{"gp:plan", "plan", "gp:", "Play Song", "gp:..", "a%2fb", "a/b"} {
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
		// Escaped into one path segment, an accepted name decodes back to
		// itself and holds nothing a server could read as a path step.
		if name == "." || name == ".." || strings.ContainsAny(name, "/\\") || strings.IndexFunc(name, unicode.IsControl) >= 0 {
			t.Fatalf("parseUserPropertyImportID(%q) accepted %q", raw, name)
		}
		if decoded, err := url.PathUnescape(name); err == nil && decoded != name {
			t.Fatalf("parseUserPropertyImportID(%q) accepted %q, which reads as %q once decoded", raw, name, decoded)
		}
	})
}
