package brazeapi

import (
	"net/netip"
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// apiKeyRequest is the body of POST /api_keys/create, and validate its
// rules: a name, at least one permission of Braze's list (Permissions),
// each once, and allowed IPs that are addresses or CIDR blocks (the modelled
// endpoint, api/braze.openapi.yaml).
type apiKeyRequest struct {
	Name        string   `json:"name"`
	Permissions []string `json:"permissions"`
	AllowedIPs  []string `json:"allowed_ips"`
}

func (req apiKeyRequest) validate() error {
	var p core.Problems
	if req.Name == "" {
		p.Add("name is required")
	}
	if len(req.Permissions) == 0 {
		p.Add("permissions must list at least one permission, such as users.track")
	}
	for i, permission := range req.Permissions {
		switch {
		case !isValidPermission(permission):
			p.Add("permissions[%d] %q is not a Braze REST API key permission; see braze.com/docs/api/basics for the list", i, permission)
		case slices.Index(req.Permissions, permission) < i:
			p.Add("permissions[%d] %q is listed twice", i, permission)
		}
	}
	for i, allowed := range req.AllowedIPs {
		if _, ok := parseIPOrCIDR(allowed); !ok {
			p.Add("allowed_ips[%d] %q is not an IPv4 or IPv6 address or CIDR block, such as 52.33.3.219 or 10.0.0.0/8", i, allowed)
		}
	}
	return p.Err()
}

// parseIPOrCIDR reads an allowlist entry; a bare address is a one-address
// prefix.
func parseIPOrCIDR(s string) (netip.Prefix, bool) {
	if prefix, err := netip.ParsePrefix(s); err == nil {
		return prefix.Masked(), true
	}
	addr, err := netip.ParseAddr(s)
	if err != nil || addr.Zone() != "" {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(addr.Unmap(), addr.Unmap().BitLen()), true
}

// canonicalIPs stores each allowed address or block in one spelling: an
// address as Go writes it (IPv6 compressed and lower-case, IPv4-mapped
// unmapped), a block by its first address. Braze's docs do not say how it
// stores them; a client that compares them byte for byte would fail against
// any such spelling, so the sandbox makes that mistake visible.
func canonicalIPs(ips []string) []string {
	out := make([]string, len(ips))
	for i, s := range ips {
		if prefix, err := netip.ParsePrefix(s); err == nil {
			if prefix.Addr().Is4In6() && prefix.Bits() >= 96 {
				prefix = netip.PrefixFrom(prefix.Addr().Unmap(), prefix.Bits()-96)
			}
			out[i] = prefix.Masked().String()
			continue
		}
		if addr, err := netip.ParseAddr(s); err == nil {
			out[i] = addr.Unmap().String()
			continue
		}
		out[i] = s
	}
	return out
}
