package brazeapi

import (
	"net/http"
	"net/netip"
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Braze's REST API keys. Braze manages them in its dashboard only, so the
// endpoints are modelled on its SDK-key endpoints (api/braze.openapi.yaml):
// create, list, info and delete, and no update, as Braze fixes a key's name,
// permissions and allowed IPs when it is made (braze.com/docs/api/basics).

type apiKey struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Secret      string   `json:"key"`
	Permissions []string `json:"permissions"`
	// AllowedIPs are addresses or CIDR blocks. An empty list admits every
	// caller (braze.com/docs/api/basics, "API IP allowlisting").
	AllowedIPs []string   `json:"allowed_ips"`
	CreatedAt  time.Time  `json:"created_at"`
	LastSeenAt *time.Time `json:"last_seen_at"`
}

func (k *apiKey) allowsIP(addr netip.Addr) bool {
	return len(k.AllowedIPs) == 0 || slices.ContainsFunc(k.AllowedIPs, func(allowed string) bool {
		prefix, ok := parseIPOrCIDR(allowed)
		return ok && prefix.Contains(addr)
	})
}

// view returns a key as every answer shows it. Only the create's answer adds
// the secret, and only the info answer adds last_seen_at.
func (k *apiKey) view() map[string]any {
	return map[string]any{
		"id": k.ID, "name": k.Name, "permissions": k.Permissions, "allowed_ips": k.AllowedIPs,
		"created_at": core.FormatTime(k.CreatedAt),
	}
}

func (st *state) keyBySecret(secret string) *apiKey {
	if i := slices.IndexFunc(st.APIKeys, func(k apiKey) bool { return k.Secret == secret }); i >= 0 {
		return &st.APIKeys[i]
	}
	return nil
}

func (st *state) keyIndex(id string) int {
	return slices.IndexFunc(st.APIKeys, func(k apiKey) bool { return k.ID == id })
}

// The functions below tell another vendor what it could learn about a REST
// key it was given, as the real Braze would show it by how it answers that
// vendor's calls. Amplitude's Braze destinations check their keys with
// them.

// KeyExists reports whether secret is a REST key of the workspace.
func (a *API) KeyExists(_ *core.Tx, secret string) bool {
	return a.state.keyBySecret(secret) != nil
}

// KeyHas reports whether the REST key secret exists and holds permission.
func (a *API) KeyHas(_ *core.Tx, secret, permission string) bool {
	k := a.state.keyBySecret(secret)
	return k != nil && slices.Contains(k.Permissions, permission)
}

// KeyAllows reports whether the REST key secret exists and admits calls
// from addr.
func (a *API) KeyAllows(_ *core.Tx, secret string, addr netip.Addr) bool {
	k := a.state.keyBySecret(secret)
	return k != nil && k.allowsIP(addr)
}

// createAPIKey makes a key. The document has already checked the body,
// permissions included, so this handler only checks that each allowed IP
// parses, which the document cannot say.
func (a *API) createAPIKey(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name        string   `json:"name"`
		Permissions []string `json:"permissions"`
		AllowedIPs  []string `json:"allowed_ips"`
	}
	if err := core.ReadJSON(r, &req); err != nil {
		core.Fail(a, w, r, err)
		return
	}
	var problems core.FieldProblems
	for i, allowed := range req.AllowedIPs {
		if _, ok := parseIPOrCIDR(allowed); !ok {
			problems.Add("allowed_ips", core.ProblemInvalidValue,
				"allowed_ips[%d] %q is not an IPv4 or IPv6 address or CIDR block, such as 52.33.3.219 or 10.0.0.0/8", i, allowed)
		}
	}
	if err := problems.Err(http.StatusBadRequest, ""); err != nil {
		core.Fail(a, w, r, err)
		return
	}
	key := apiKey{
		ID: core.NewUUID(), Name: req.Name, Secret: core.NewUUID(), Permissions: req.Permissions,
		AllowedIPs: canonicalIPs(req.AllowedIPs), CreatedAt: a.sb.Now(),
	}
	err := a.store.Update(func(*core.Tx) error {
		a.state.APIKeys = append(a.state.APIKeys, key)
		return nil
	})
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	created := key.view()
	created["key"] = key.Secret
	writeSuccess(w, map[string]any{"api_key": created})
}

func (a *API) listAPIKeys(w http.ResponseWriter, _ *http.Request) {
	views := []map[string]any{}
	a.store.Read(func(*core.Tx) {
		for i := range a.state.APIKeys {
			views = append(views, a.state.APIKeys[i].view())
		}
	})
	writeSuccess(w, map[string]any{"api_keys": views})
}

func (a *API) apiKeyInfo(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("api_key_id")
	var view map[string]any
	a.store.Read(func(*core.Tx) {
		if i := a.state.keyIndex(id); i >= 0 {
			k := &a.state.APIKeys[i]
			view = k.view()
			view["last_seen_at"] = nil
			if k.LastSeenAt != nil {
				view["last_seen_at"] = core.FormatTime(*k.LastSeenAt)
			}
		}
	})
	if view == nil {
		core.Fail(a, w, r, unknownAPIKey(id))
		return
	}
	writeSuccess(w, map[string]any{"api_key": view})
}

func (a *API) deleteAPIKey(w http.ResponseWriter, r *http.Request) {
	var req struct {
		APIKeyID string `json:"api_key_id"`
	}
	if err := core.ReadJSON(r, &req); err != nil {
		core.Fail(a, w, r, err)
		return
	}
	err := a.store.Update(func(*core.Tx) error {
		i := a.state.keyIndex(req.APIKeyID)
		if i < 0 {
			return unknownAPIKey(req.APIKeyID)
		}
		a.state.APIKeys = slices.Delete(a.state.APIKeys, i, i+1)
		return nil
	})
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	writeSuccess(w, nil)
}

func unknownAPIKey(id string) *core.APIError {
	return core.Refuse(http.StatusNotFound, "No API key with id %q", id)
}

// parseIPOrCIDR reads an allowlist entry; a bare address is a block of
// one address.
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
// address as Go writes it (IPv6 compressed and in lower case, an
// IPv4-mapped address unmapped), a block by its first address. Braze's docs
// do not say how it stores them. A client that compared them byte for byte
// with what it sent would break if Braze rewrote them, so the sandbox
// rewrites them to make that mistake show.
func canonicalIPs(ips []string) []string {
	out := make([]string, len(ips))
	for i, s := range ips {
		if prefix, err := netip.ParsePrefix(s); err == nil {
			if prefix.Addr().Is4In6() && prefix.Bits() >= 96 {
				prefix = netip.PrefixFrom(prefix.Addr().Unmap(), prefix.Bits()-96)
			}
			out[i] = prefix.Masked().String()
		} else if addr, err := netip.ParseAddr(s); err == nil {
			out[i] = addr.Unmap().String()
		} else {
			out[i] = s
		}
	}
	return out
}
