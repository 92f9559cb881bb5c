package braze

import (
	"strings"
	"testing"
)

func TestParseAPIKeyImportID(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{"01234567-89ab-cdef-0123-456789abcdef", "01234567-89ab-cdef-0123-456789abcdef"},
		{" 7F3C2B1A-4D5E-4F60-8A9B-0C1D2E3F4A5B\n", "7F3C2B1A-4D5E-4F60-8A9B-0C1D2E3F4A5B"},
	} {
		if got, err := parseAPIKeyImportID(tc.raw); err != nil || got != tc.want {
			t.Errorf("parseAPIKeyImportID(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "..", ".", "a/b", "0123456789abcdef0123456789abcdef", "01234567-89ab-cdef-0123-456789abcdef/..", "01234567-89ab-cdef-0123-456789abcdeg"} {
		got, err := parseAPIKeyImportID(bad)
		if err == nil {
			t.Errorf("parseAPIKeyImportID(%q) = %q; want an error", bad, got)
		} else if !strings.Contains(err.Error(), "a UUID such as") {
			t.Errorf("parseAPIKeyImportID(%q): %v; want the expected shape named", bad, err)
		}
	}
}

func FuzzParseAPIKeyImportID(f *testing.F) {
	for _, seed := range []string{"01234567-89ab-cdef-0123-456789abcdef", "..", " a ", "%2e%2e"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		id, err := parseAPIKeyImportID(raw)
		if err != nil {
			return
		}
		if len(id) != 36 || strings.Trim(id, "0123456789abcdefABCDEF-") != "" || strings.Count(id, "-") != 4 {
			t.Fatalf("parseAPIKeyImportID(%q) accepted %q", raw, id)
		}
	})
}
