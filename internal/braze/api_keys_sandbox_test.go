package braze_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func TestAPIKeyLifecycle(t *testing.T) {
	f := newFixture(t, nil)
	ctx := t.Context()
	admin := f.client(t, sandbox.BrazeAdminKey)

	created, err := admin.CreateAPIKey(ctx, braze.NewAPIKey{
		Name: "amplitude stream", Permissions: []string{"users.track"}, AllowedIPs: []string{"52.33.3.219", "35.162.216.242", "52.27.10.221"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == "" || created.Key == "" || created.CreatedAt == "" {
		t.Fatalf("created %+v", created)
	}

	info, err := admin.GetAPIKey(ctx, created.ID)
	if err != nil || info.Name != "amplitude stream" || info.Key != "" || info.LastSeenAt != nil || len(info.AllowedIPs) != 3 {
		t.Fatalf("info %+v, %v", info, err)
	}
	keys, err := admin.ListAPIKeys(ctx)
	if err != nil || len(keys) != 2 || keys[1].ID != created.ID || keys[1].Key != "" {
		t.Fatalf("list %+v, %v", keys, err)
	}

	// The new key admits Amplitude's addresses only, not this test's.
	var apiErr *braze.APIError
	if _, err := f.client(t, created.Key).ListAPIKeys(ctx); !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnauthorized {
		t.Errorf("the key from a disallowed address: %v, want 401", err)
	}

	if err := admin.DeleteAPIKey(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.GetAPIKey(ctx, created.ID); !braze.IsNotFound(err) {
		t.Errorf("info after delete: %v, want not found", err)
	}
	if err := admin.DeleteAPIKey(ctx, created.ID); err != nil {
		t.Errorf("deleting a deleted key: %v", err)
	}
	// users.fly is no permission: the request is off the contract on purpose.
	f.contract.OffContract(func() {
		_, err = admin.CreateAPIKey(ctx, braze.NewAPIKey{Name: "bad", Permissions: []string{"users.fly"}})
	})
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest {
		t.Errorf("a key with an unknown permission: %v", err)
	}
}

// The answer to a key's create is the only one that carries its secret, so
// a create whose answer is lost must leave exactly one key, the one the
// client can use. The wrapper cuts the connection of the first create after
// the sandbox has made the key.
func TestAPIKeyCreateWithLostResponse(t *testing.T) {
	var dropped atomic.Bool
	f := newFixture(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost && r.URL.Path == "/braze/api_keys/create" && dropped.CompareAndSwap(false, true) {
				next.ServeHTTP(httptest.NewRecorder(), r)
				conn, _, err := http.NewResponseController(w).Hijack()
				if err != nil {
					panic(err)
				}
				_ = conn.Close()
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	ctx := t.Context()
	admin := f.client(t, sandbox.BrazeAdminKey)
	created, err := admin.CreateAPIKey(ctx, braze.NewAPIKey{Name: "stream", Permissions: []string{"users.track"}})
	if err != nil {
		t.Fatal(err)
	}
	if !dropped.Load() {
		t.Fatal("no create was dropped")
	}
	keys, err := admin.ListAPIKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(keys, func(k braze.APIKey) bool { return k.Name == "stream" })
	if len(keys) != 2 || i < 0 || keys[i].ID != created.ID {
		t.Fatalf("keys %+v, want the admin key and the one created (%s)", keys, created.ID)
	}
	if got := f.sandbox.Stats().Requests.ByRoute["POST /braze/api_keys/create"]; got != 2 {
		t.Errorf("%d creates, want 2: the lost one and the one whose secret the client holds", got)
	}
	// The secret the client holds is the surviving key's.
	if _, err := f.client(t, created.Key).ListCustomAttributes(ctx); !braze.IsForbidden(err) {
		t.Errorf("the created key: %v, want it known but without custom_attributes.get", err)
	}
}
