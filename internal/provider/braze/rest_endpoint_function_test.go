package braze

import (
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

func TestLookupInstance(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"US-05", "https://rest.iad-05.braze.com"},
		{"us-01", "https://rest.iad-01.braze.com"},
		{" Eu-02 ", "https://rest.fra-02.braze.eu"},
		{"US-10", "https://rest.us-10.braze.com"},
		{"KR-01", "https://rest.kr-01.braze.com"},
	} {
		got, err := lookupInstance(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("lookupInstance(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, name := range facts.BrazeInstanceNames() {
		if _, err := lookupInstance(strings.ToLower(name)); err != nil {
			t.Errorf("instance %s: %v", name, err)
		}
	}
	for _, bad := range []string{"US-09", "", "iad-05", "US05"} {
		_, err := lookupInstance(bad)
		if err == nil || !strings.Contains(err.Error(), "US-01, US-02") {
			t.Errorf("lookupInstance(%q) error = %v; want one listing the valid instances", bad, err)
		}
	}
}

func FuzzLookupInstance(f *testing.F) {
	for _, seed := range []string{"US-05", "eu-01", "US-09", "", " kr-01 "} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, instance string) {
		endpoint, err := lookupInstance(instance)
		if err != nil {
			if !strings.Contains(err.Error(), "valid instances are") {
				t.Fatalf("%q: error %v does not list the valid instances", instance, err)
			}
			return
		}
		if !facts.IsBrazeRESTEndpoint(endpoint) {
			t.Fatalf("%q gave %q, not a published endpoint", instance, endpoint)
		}
	})
}
