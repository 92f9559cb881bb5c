package facts

import (
	"slices"
	"strings"
	"testing"
)

func TestPermissionsAreSortedAndUnique(t *testing.T) {
	if !slices.IsSorted(BrazeRESTPermissions) {
		t.Error("BrazeRESTPermissions is not sorted; CheckBrazePermission searches it")
	}
	if len(slices.Compact(slices.Clone(BrazeRESTPermissions))) != len(BrazeRESTPermissions) {
		t.Error("BrazeRESTPermissions has duplicates")
	}
}

func TestCheckBrazePermission(t *testing.T) {
	for _, ok := range []string{"users.track", "api_keys.create", "custom_attributes.get", "catalogs.replace_items"} {
		if err := CheckBrazePermission(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	err := CheckBrazePermission("users.trak")
	if err == nil || !strings.Contains(err.Error(), `"users.trak"`) || !strings.Contains(err.Error(), "users.track") {
		t.Errorf("users.trak: %v; want the name and a suggestion", err)
	}
	if err := CheckBrazePermission("Users.Track"); err == nil {
		t.Error("permissions are case-sensitive")
	}
}

func TestParseIPOrCIDR(t *testing.T) {
	for _, ok := range []string{"52.33.3.219", "10.0.0.0/8", "2001:db8::1", "2001:db8::/32", "0.0.0.0/0"} {
		if _, err := ParseIPOrCIDR(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "300.1.1.1", "10.0.0.1/8", "10.0.0.0/33", "fe80::1%eth0", "example.com", "1.2.3.4/"} {
		if _, err := ParseIPOrCIDR(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func FuzzParseIPOrCIDR(f *testing.F) {
	for _, seed := range []string{"52.33.3.219", "10.0.0.0/8", "2001:db8::/32", "x", "1.2.3.4/99"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prefix, err := ParseIPOrCIDR(s)
		if err != nil {
			return
		}
		if !prefix.IsValid() || prefix.Masked() != prefix {
			t.Errorf("%q parsed to invalid or unmasked %v", s, prefix)
		}
	})
}

func FuzzCheckBrazePermission(f *testing.F) {
	for _, seed := range []string{"users.track", "users.trak", "", "."} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckBrazePermission(s)
		_, known := slices.BinarySearch(BrazeRESTPermissions, s)
		if (err == nil) != known {
			t.Errorf("%q: err %v, known %v", s, err, known)
		}
	})
}
