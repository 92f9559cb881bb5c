package sandbox_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// Many clients at once, across both vendors and the control endpoints; run
// with -race, this is what shows the sandbox is safe for concurrent use.
func TestConcurrentClients(t *testing.T) {
	f := start(t)
	const clients, rounds = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, clients*rounds)
	for c := range clients {
		wg.Go(func() {
			for i := range rounds {
				name := fmt.Sprintf("c%d-r%d", c, i)
				if err := exercise(f, name); err != nil {
					errs <- fmt.Errorf("%s: %w", name, err)
				}
			}
		})
	}
	wg.Go(func() {
		for i := range rounds * 4 {
			_, _ = f.try(http.MethodPut, "/_sandbox/faults", map[string]any{"latency_ms": i % 2}, nil)
			_, _ = f.try(http.MethodGet, "/_sandbox/stats", nil, nil)
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	stats := f.server.Stats()
	if stats.Objects.Destinations != 0 || stats.Objects.APIKeys != 1+clients*rounds {
		t.Errorf("objects %+v", stats.Objects)
	}
	if got := stats.Requests.ByRoute["POST /amplitude/api/2/destinations"]; got != clients*rounds {
		t.Errorf("%d destination creates counted, want %d", got, clients*rounds)
	}
}

// exercise is one client's round: a destination's whole life and a Braze key.
func exercise(f *sandboxFixture, name string) error {
	steps := []struct {
		method, path string
		body         any
		auth         func(*http.Request)
	}{
		{http.MethodPost, "/braze/api_keys/create", map[string]any{"name": name, "permissions": []string{"users.track"}}, bearer(sandbox.BrazeAdminKey)},
		{http.MethodGet, "/braze/api_keys/list", nil, bearer(sandbox.BrazeAdminKey)},
		{http.MethodPost, "/amplitude/api/2/destinations", streamDestination(name), amplitudeAuth},
		{http.MethodGet, "/amplitude/api/2/destinations?limit=3", nil, amplitudeAuth},
	}
	var id string
	for _, s := range steps {
		r, err := f.try(s.method, s.path, s.body, s.auth)
		if err != nil {
			return err
		}
		if r.status != http.StatusOK {
			return fmt.Errorf("%s %s: %d %s", s.method, s.path, r.status, r.body)
		}
		if s.method == http.MethodPost && s.path == "/amplitude/api/2/destinations" {
			id, _ = r.amplitudeObjectID()
		}
	}
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		var body any
		if method == http.MethodPut {
			body = set(streamDestination(name), "config.api_key", absent)
		}
		r, err := f.try(method, "/amplitude/api/2/destinations/"+id, body, amplitudeAuth)
		if err != nil {
			return err
		}
		if r.status != http.StatusOK {
			return fmt.Errorf("%s destination: %d %s", method, r.status, r.body)
		}
	}
	return nil
}
