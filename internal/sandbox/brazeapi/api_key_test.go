package brazeapi_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestAPIKeyLifecycle(t *testing.T) {
	f := start(t)
	admin := brazeapi.AdminKey

	r := f.Braze(admin, "POST", "/api_keys/create", map[string]any{
		"name": "amplitude stream", "permissions": []string{"users.track", "api_keys.info"}, "allowed_ips": []string{"127.0.0.1", "10.0.0.0/8"},
	})
	r.WantStatus(t, http.StatusOK)
	created := r.Braze(t)
	if created.Message != "success" {
		t.Fatalf("message %q", created.Message)
	}
	id, _ := created.APIKey["id"].(string)
	secret, _ := created.APIKey["key"].(string)
	if id == "" || secret == "" || id == secret {
		t.Fatalf("create answered id %q, key %q", id, secret)
	}
	if created.APIKey["created_at"] != sandboxtest.Epoch.Format(time.RFC3339) {
		t.Errorf("created_at = %v", created.APIKey["created_at"])
	}

	t.Run("list hides the secret", func(t *testing.T) {
		r := f.Braze(admin, "GET", "/api_keys/list", nil)
		r.WantStatus(t, http.StatusOK)
		keys := r.Braze(t).APIKeys
		if len(keys) != 2 || keys[0]["id"] != brazeapi.AdminKeyID || keys[1]["id"] != id {
			t.Fatalf("list %v", keys)
		}
		for _, k := range keys {
			if _, ok := k["key"]; ok {
				t.Errorf("list shows a secret: %v", k)
			}
		}
	})

	t.Run("info before use", func(t *testing.T) {
		r := f.Braze(admin, "GET", "/api_keys/info?api_key_id="+id, nil)
		r.WantStatus(t, http.StatusOK)
		k := r.Braze(t).APIKey
		if _, ok := k["key"]; ok {
			t.Error("info shows the secret")
		}
		if seen, ok := k["last_seen_at"]; !ok || seen != nil {
			t.Errorf("last_seen_at = %v (present %v), want null", seen, ok)
		}
		if k["name"] != "amplitude stream" || len(k["allowed_ips"].([]any)) != 2 || len(k["permissions"].([]any)) != 2 {
			t.Errorf("info %v", k)
		}
	})

	t.Run("the new key authenticates and is seen", func(t *testing.T) {
		f.Clock.Advance(time.Minute)
		r := f.Braze(secret, "GET", "/api_keys/info?api_key_id="+id, nil)
		r.WantStatus(t, http.StatusOK)
		if seen := r.Braze(t).APIKey["last_seen_at"]; seen != sandboxtest.Epoch.Add(time.Minute).Format(time.RFC3339) {
			t.Errorf("last_seen_at = %v", seen)
		}
	})

	t.Run("delete", func(t *testing.T) {
		f.Braze(admin, "DELETE", "/api_keys/delete", map[string]any{"api_key_id": id}).WantStatus(t, http.StatusOK)
		f.Braze(admin, "GET", "/api_keys/info?api_key_id="+id, nil).WantBrazeError(t, http.StatusNotFound, id)
		f.Braze(admin, "DELETE", "/api_keys/delete", map[string]any{"api_key_id": id}).WantBrazeError(t, http.StatusNotFound, id)
		f.Braze(secret, "GET", "/api_keys/info?api_key_id="+id, nil).WantBrazeError(t, http.StatusUnauthorized, "unknown REST API key")
	})
}

func TestAPIKeyNamesMayRepeat(t *testing.T) {
	f := start(t)
	a, _ := f.CreateKey([]string{"users.track"}, nil)
	b, _ := f.CreateKey([]string{"users.track"}, nil)
	if a == b {
		t.Fatal("two keys share an id")
	}
}

func TestAPIKeyValidation(t *testing.T) {
	tests := []struct {
		name string
		body any
		want string
	}{
		{"name missing", map[string]any{"permissions": []string{"users.track"}}, "name is required"},
		{"permissions missing", map[string]any{"name": "k"}, "permissions is required"},
		{"permissions empty", map[string]any{"name": "k", "permissions": []string{}}, "permissions is too short: it must be a list of at least one item"},
		{"permission unknown", map[string]any{"name": "k", "permissions": []string{"users.track", "users.teleport"}}, `permissions[1] "users.teleport" is not valid: it must be a Braze REST API key permission, such as users.track (braze.com/docs/api/basics lists them)`},
		{"permission twice", map[string]any{"name": "k", "permissions": []string{"users.track", "users.track"}}, "permissions lists a value twice; each may be listed once"},
		{"allowed ip invalid", map[string]any{"name": "k", "permissions": []string{"users.track"}, "allowed_ips": []string{"10.0.0.1", "10.0.0.300"}}, `allowed_ips[1] "10.0.0.300" is not an IPv4 or IPv6 address or CIDR block`},
		{"allowed cidr invalid", map[string]any{"name": "k", "permissions": []string{"users.track"}, "allowed_ips": []string{"10.0.0.0/33"}}, `allowed_ips[0] "10.0.0.0/33"`},
		{"unknown field", map[string]any{"name": "k", "permissions": []string{"users.track"}, "whitelist": []string{}}, "whitelist is not a field of the request body; its fields are allowed_ips, name, permissions"},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.Braze(brazeapi.AdminKey, "POST", "/api_keys/create", tt.body).WantBrazeError(t, http.StatusBadRequest, tt.want)
		})
	}
	t.Run("IPv6 and CIDRs accepted", func(t *testing.T) {
		f.CreateKey([]string{"users.track"}, []string{"2001:db8::1", "2001:db8::/32", "192.168.0.0/16"})
	})
	if got := f.Sandbox.Stats().Objects["api_keys"]; got != 2 {
		t.Errorf("%d keys stored, want the admin key and the valid one", got)
	}
}

func TestAPIKeyRequestsNeedIDs(t *testing.T) {
	f := start(t)
	f.Braze(brazeapi.AdminKey, "GET", "/api_keys/info", nil).WantBrazeError(t, http.StatusBadRequest, "api_key_id is required")
	f.Braze(brazeapi.AdminKey, "DELETE", "/api_keys/delete", map[string]any{}).WantBrazeError(t, http.StatusBadRequest, "api_key_id is required")
}

// Each endpoint needs its own permission.
func TestAPIKeyEndpointPermissions(t *testing.T) {
	f := start(t)
	tests := []struct {
		permission string
		method     string
		path       string
		body       any
	}{
		{"api_keys.create", "POST", "/api_keys/create", map[string]any{"name": "k", "permissions": []string{"users.track"}}},
		{"api_keys.list", "GET", "/api_keys/list", nil},
		{"api_keys.info", "GET", "/api_keys/info?api_key_id=" + brazeapi.AdminKeyID, nil},
		{"api_keys.delete", "DELETE", "/api_keys/delete", map[string]any{"api_key_id": "no-such-id"}},
	}
	for _, tt := range tests {
		t.Run(tt.permission, func(t *testing.T) {
			_, without := f.CreateKey([]string{"users.track"}, nil)
			f.Braze(without, tt.method, tt.path, tt.body).WantBrazeError(t, http.StatusForbidden, "lacks the "+tt.permission+" permission")
			_, with := f.CreateKey([]string{tt.permission}, nil)
			if r := f.Braze(with, tt.method, tt.path, tt.body); r.Status == http.StatusForbidden || r.Status == http.StatusUnauthorized {
				t.Fatalf("key with %s refused: %d %s", tt.permission, r.Status, r.Body)
			}
		})
	}
}

// A key's allowed IPs are checked against the caller's address (127.0.0.1
// here).
func TestAPIKeyAllowedIPs(t *testing.T) {
	tests := []struct {
		name       string
		allowedIPs []string
		wantStatus int
	}{
		{"any", nil, http.StatusOK},
		{"the caller", []string{"127.0.0.1"}, http.StatusOK},
		{"the caller's block", []string{"10.1.2.3", "127.0.0.0/8"}, http.StatusOK},
		{"elsewhere", []string{"10.0.0.0/8", "52.33.3.219"}, http.StatusUnauthorized},
		{"IPv6 only", []string{"::1"}, http.StatusUnauthorized},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, key := f.CreateKey([]string{"api_keys.list"}, tt.allowedIPs)
			r := f.Braze(key, "GET", "/api_keys/list", nil)
			if tt.wantStatus == http.StatusOK {
				r.WantStatus(t, http.StatusOK)
				return
			}
			r.WantBrazeError(t, tt.wantStatus, "does not allow requests from 127.0.0.1")
		})
	}
}

func TestAllowedIPsAreStoredInOneSpelling(t *testing.T) {
	got := brazeapi.CanonicalIPs([]string{"10.1.2.3/8", "2001:DB8::1", "::ffff:52.33.3.219", "::ffff:10.0.0.0/104", "52.33.3.219"})
	want := []string{"10.0.0.0/8", "2001:db8::1", "52.33.3.219", "10.0.0.0/8", "52.33.3.219"}
	if !slices.Equal(got, want) {
		t.Errorf("canonicalIPs = %q, want %q", got, want)
	}
}

// api/braze.openapi.yaml lists each permission once, in order, so that a
// reader finds one at a glance.
func TestPermissionsAreSortedAndUnique(t *testing.T) {
	permissions := brazeapi.Permissions()
	if !slices.IsSorted(permissions) || len(slices.Compact(slices.Clone(permissions))) != len(permissions) {
		t.Error("the Permission schema's values are not sorted, or have duplicates")
	}
}
