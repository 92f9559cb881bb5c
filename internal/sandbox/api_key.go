package sandbox

import (
	"net/netip"
	"slices"
	"time"
)

// apiKey is a Braze REST API key. Braze has no update for keys: name,
// permissions and allowed IPs are fixed at creation.
type apiKey struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Secret      string   `json:"key"`
	Permissions []string `json:"permissions"`
	// AllowedIPs are addresses or CIDRs; empty allows any caller.
	AllowedIPs []string   `json:"allowed_ips"`
	CreatedAt  time.Time  `json:"created_at"`
	LastSeenAt *time.Time `json:"last_seen_at"`
}

func (k *apiKey) has(permission string) bool {
	return slices.Contains(k.Permissions, permission)
}

func (k *apiKey) allowsIP(addr netip.Addr) bool {
	if len(k.AllowedIPs) == 0 {
		return true
	}
	for _, allowed := range k.AllowedIPs {
		if prefix, ok := parseIPOrCIDR(allowed); ok && prefix.Contains(addr) {
			return true
		}
	}
	return false
}

// parseIPOrCIDR reads an allowlist entry; a bare address is a one-address
// prefix.
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

func (st *state) apiKeyBySecret(secret string) int {
	return slices.IndexFunc(st.APIKeys, func(k apiKey) bool { return k.Secret == secret })
}

func (st *state) apiKeyByID(id string) int {
	return slices.IndexFunc(st.APIKeys, func(k apiKey) bool { return k.ID == id })
}

// apiKeyView is a key as list answers it: never with its secret.
type apiKeyView struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Permissions []string `json:"permissions"`
	AllowedIPs  []string `json:"allowed_ips"`
	CreatedAt   string   `json:"created_at"`
}

// createdAPIKeyView is the create answer, the only one that shows the secret.
type createdAPIKeyView struct {
	apiKeyView
	Key string `json:"key"`
}

type apiKeyInfoView struct {
	apiKeyView
	LastSeenAt *string `json:"last_seen_at"`
}

func (k *apiKey) view() apiKeyView {
	return apiKeyView{
		ID:          k.ID,
		Name:        k.Name,
		Permissions: k.Permissions,
		AllowedIPs:  k.AllowedIPs,
		CreatedAt:   formatTime(k.CreatedAt),
	}
}

func (k *apiKey) infoView() apiKeyInfoView {
	v := apiKeyInfoView{apiKeyView: k.view()}
	if k.LastSeenAt != nil {
		seen := formatTime(*k.LastSeenAt)
		v.LastSeenAt = &seen
	}
	return v
}

// apiKeyRequest is the body of POST /api_keys/create.
type apiKeyRequest struct {
	Name        string   `json:"name"`
	Permissions []string `json:"permissions"`
	AllowedIPs  []string `json:"allowed_ips"`
}

func (req apiKeyRequest) validate() error {
	var p problems
	if req.Name == "" {
		p.add("name is required")
	}
	if len(req.Permissions) == 0 {
		p.add("permissions must list at least one permission, such as users.track")
	}
	for i, permission := range req.Permissions {
		switch {
		case !isValidPermission(permission):
			p.add("permissions[%d] %q is not a Braze REST API key permission; see braze.com/docs/api/basics for the list", i, permission)
		case slices.Index(req.Permissions, permission) < i:
			p.add("permissions[%d] %q is listed twice", i, permission)
		}
	}
	for i, allowed := range req.AllowedIPs {
		if _, ok := parseIPOrCIDR(allowed); !ok {
			p.add("allowed_ips[%d] %q is not an IPv4 or IPv6 address or CIDR block, such as 52.33.3.219 or 10.0.0.0/8", i, allowed)
		}
	}
	return p.err()
}
