package sandbox_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

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
	if got := stats.Requests.ByRoute["POST /developer-api/v1/projects/{project_id}/destinations"]; got != clients*rounds {
		t.Errorf("%d destination creates counted, want %d", got, clients*rounds)
	}
}

// exercise is one client's round: a destination's whole life and a Braze key.
func exercise(f *sandboxFixture, name string) error {
	admin := developerAuth(sandbox.DeveloperAPIAdminToken)
	destinations := sandbox.DeveloperAPIPath + destinationsPath
	steps := []struct {
		method, path string
		body         any
		auth         func(*http.Request)
	}{
		{http.MethodPost, "/braze/api_keys/create", map[string]any{"name": name, "permissions": []string{"users.track"}}, bearer(sandbox.BrazeAdminKey)},
		{http.MethodGet, "/braze/api_keys/list", nil, bearer(sandbox.BrazeAdminKey)},
		{http.MethodPost, destinations, brazeStream(name), admin},
		{http.MethodGet, destinations + "?limit=3", nil, admin},
	}
	var id string
	for _, s := range steps {
		r, err := f.try(s.method, s.path, s.body, s.auth)
		if err != nil {
			return err
		}
		if r.status != http.StatusOK && r.status != http.StatusCreated {
			return fmt.Errorf("%s %s: %d %s", s.method, s.path, r.status, r.body)
		}
		if s.method == http.MethodPost && s.path == destinations {
			id, _ = r.objectID()
		}
	}
	for _, s := range []struct {
		method, path string
		body         any
		auth         func(*http.Request)
	}{
		{http.MethodGet, destinations + "/" + id, nil, admin},
		{http.MethodPatch, destinations + "/" + id, map[string]any{"display_name": name + " renamed", "enabled": false}, admin},
		{http.MethodDelete, "/_sandbox/destinations/" + id, nil, nil},
	} {
		r, err := f.try(s.method, s.path, s.body, s.auth)
		if err != nil {
			return err
		}
		if r.status != http.StatusOK {
			return fmt.Errorf("%s destination: %d %s", s.method, r.status, r.body)
		}
	}
	return nil
}

// Syncs, the taxonomy and the Braze export under concurrent clients while
// simulated time passes: runs write attributes on whichever request comes
// first.
func TestConcurrentSyncsAndTaxonomy(t *testing.T) {
	f := start(t)
	stream, _ := f.destinations()
	const clients = 6
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for c := range clients {
		wg.Go(func() {
			if err := syncRound(f, stream, fmt.Sprintf("prop_%d", c)); err != nil {
				errs <- err
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			f.clock.advance(10 * time.Minute)
			_, _ = f.try(http.MethodGet, "/_sandbox/stats", nil, nil)
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	f.clock.advance(time.Hour)
	stats := f.server.Stats()
	if stats.Objects.Syncs != clients || stats.Objects.UserProperties != 4+clients || stats.Objects.CustomAttributes != 2+clients {
		t.Errorf("objects %+v", stats.Objects)
	}
}

func syncRound(f *sandboxFixture, stream, property string) error {
	steps := []struct {
		method, path string
		body         any
		auth         func(*http.Request)
	}{
		{http.MethodPost, sandbox.DeveloperAPIPath + userPropertiesPath, map[string]any{"property_name": property, "data_type": "number"}, withKey(admin, newKey())},
		{http.MethodPost, "/amplitude/api/2/syncs", syncBody("user_property", property, stream, "hourly"), amplitudeAuth},
		{http.MethodGet, "/amplitude/api/2/syncs?limit=2", nil, amplitudeAuth},
		{http.MethodGet, "/amplitude/api/3/cohorts?includeSyncInfo=true", nil, amplitudeAuth},
		{http.MethodGet, "/braze/custom_attributes", nil, bearer(sandbox.BrazeAdminKey)},
	}
	for _, s := range steps {
		r, err := f.try(s.method, s.path, s.body, s.auth)
		if err != nil {
			return err
		}
		if r.status != http.StatusOK && r.status != http.StatusCreated {
			return fmt.Errorf("%s %s: %d %s", s.method, s.path, r.status, r.body)
		}
	}
	return nil
}

// Keyed writes converge exactly once under dropped answers and injected
// failures, with concurrent clients and no listing: each retries its write
// with the same key until it has an answer. Two clients sending one key at
// once see it in use, and retry too.
func TestKeyedWritesConvergeUnderFaults(t *testing.T) {
	f := start(t)
	f.server.SetFaults(sandbox.Faults{DropResponseRate: 0.3, ErrorRate: 0.2})
	type write struct{ key, path, name string }
	var writes []write
	for i := range 20 {
		writes = append(writes, write{newKey(), eventsPath, fmt.Sprintf("Event %02d", i)})
	}
	for i := range 30 {
		writes = append(writes, write{newKey(), eventPropertiesPath("Purchase"), fmt.Sprintf("prop_%02d", i)})
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(writes))
	for _, w := range writes {
		body := map[string]any{"event_type": w.name}
		if w.path != eventsPath {
			body = map[string]any{"property_name": w.name}
		}
		// Two clients per write, sharing its key, as a retry racing the
		// original would.
		for range 2 {
			wg.Go(func() {
				for attempt := 0; ; attempt++ {
					if attempt == 50 {
						errs <- fmt.Errorf("%s: no answer after %d attempts", w.name, attempt)
						return
					}
					r, err := f.try("POST", sandbox.DeveloperAPIPath+w.path, body, withKey(admin, w.key))
					switch {
					case err != nil, r.status >= 500, r.status == http.StatusConflict && strings.Contains(string(r.body), "idempotency_key_in_use"):
						continue
					case r.status != http.StatusCreated:
						errs <- fmt.Errorf("%s: %d %s", w.name, r.status, r.body)
					}
					return
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if objects := f.server.Stats().Objects; objects.Events != 3+20 || objects.EventProperties != 2+30 {
		t.Errorf("objects %+v, want exactly 20 events and 30 properties made", objects)
	}
}
