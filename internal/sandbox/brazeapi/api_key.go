package brazeapi

import (
	"net/netip"
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// apiKey is a Braze REST API key. Braze has no update for keys: name,
// permissions and allowed IPs are fixed at creation
// (braze.com/docs/api/basics); the modelled key endpoints have none either
// (api/braze.openapi.yaml).
type apiKey struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Secret      string   `json:"key"`
	Permissions []string `json:"permissions"`
	// AllowedIPs are addresses or CIDRs; empty allows any caller
	// (braze.com/docs/api/basics, "API IP allowlisting").
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

func (st *state) apiKeyBySecret(secret string) int {
	return slices.IndexFunc(st.APIKeys, func(k apiKey) bool { return k.Secret == secret })
}

func (st *state) apiKeyByID(id string) int {
	return slices.IndexFunc(st.APIKeys, func(k apiKey) bool { return k.ID == id })
}

// What another vendor may learn of a REST key it was given, as the real
// Braze would show it by answering that vendor's calls: whether the key
// exists, holds a permission, and admits an address. Amplitude's Braze
// destinations check their keys with them.

// KeyExists reports whether secret is a REST key of the workspace.
func (a *API) KeyExists(_ *core.Tx, secret string) bool {
	return a.state.apiKeyBySecret(secret) >= 0
}

// KeyHas reports whether the REST key secret exists and holds permission.
func (a *API) KeyHas(_ *core.Tx, secret, permission string) bool {
	i := a.state.apiKeyBySecret(secret)
	return i >= 0 && a.state.APIKeys[i].has(permission)
}

// KeyAllows reports whether the REST key secret exists and admits calls
// from addr.
func (a *API) KeyAllows(_ *core.Tx, secret string, addr netip.Addr) bool {
	i := a.state.apiKeyBySecret(secret)
	return i >= 0 && a.state.APIKeys[i].allowsIP(addr)
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
		CreatedAt:   core.FormatTime(k.CreatedAt),
	}
}

func (k *apiKey) infoView() apiKeyInfoView {
	v := apiKeyInfoView{apiKeyView: k.view()}
	if k.LastSeenAt != nil {
		seen := core.FormatTime(*k.LastSeenAt)
		v.LastSeenAt = &seen
	}
	return v
}
