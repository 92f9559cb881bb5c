package facts

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// CheckBrazePermission returns an error naming permission when Braze does
// not publish it, with the closest known names as a hint.
func CheckBrazePermission(permission string) error {
	if _, found := slices.BinarySearch(BrazeRESTPermissions, permission); found {
		return nil
	}
	msg := fmt.Sprintf("%q is not a Braze REST API key permission", permission)
	if near := nearPermissions(permission); len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	}
	return fmt.Errorf("%s (provider::braze::permissions() lists every valid one)", msg)
}

// nearPermissions returns the known permissions closest to p in edit
// distance, when one is close enough to be a likely typo.
func nearPermissions(p string) []string {
	const maxDistance = 3
	best, bestDistance := []string(nil), maxDistance+1
	for _, known := range BrazeRESTPermissions {
		switch d := editDistance(p, known); {
		case d < bestDistance:
			best, bestDistance = []string{known}, d
		case d == bestDistance:
			best = append(best, known)
		}
	}
	return best[:min(len(best), 3)]
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// ParseIPOrCIDR reads an allowlist entry: one IPv4 or IPv6 address, or a
// CIDR block whose address has no bits set past the prefix.
func ParseIPOrCIDR(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		prefix, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, fmt.Errorf("%q is not a CIDR block such as 203.0.113.0/24 or 2001:db8::/32", s)
		}
		if prefix.Masked() != prefix {
			return netip.Prefix{}, fmt.Errorf("%q has bits set past its prefix length; write %s", s, prefix.Masked())
		}
		return prefix, nil
	}
	addr, err := netip.ParseAddr(s)
	if err != nil || addr.Zone() != "" {
		return netip.Prefix{}, fmt.Errorf("%q is not an IPv4 or IPv6 address or a CIDR block", s)
	}
	return netip.PrefixFrom(addr, addr.BitLen()), nil
}

// SameAddresses reports whether two allowlists admit the same addresses,
// whatever their spelling (an IPv4-mapped IPv6 address, a host written as a
// /32, duplicates, order): an empty list and none are the same.
func SameAddresses(a, b []string) bool {
	canonical := func(list []string) []string {
		out := make([]string, 0, len(list))
		for _, s := range list {
			prefix, err := ParseIPOrCIDR(s)
			if err != nil {
				out = append(out, s)
				continue
			}
			if prefix.Addr().Is4In6() && prefix.Bits() >= 96 {
				prefix = netip.PrefixFrom(prefix.Addr().Unmap(), prefix.Bits()-96)
			}
			out = append(out, prefix.Masked().String())
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(canonical(a), canonical(b))
}
