package core_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
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
			_, _ = f.Try(http.MethodPut, "/_sandbox/faults", map[string]any{"latency_ms": i % 2}, nil)
			_, _ = f.Try(http.MethodGet, "/_sandbox/stats", nil, nil)
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	stats := f.Sandbox.Stats()
	if stats.Objects["destinations"] != 0 || stats.Objects["api_keys"] != 1+clients*rounds {
		t.Errorf("objects %+v", stats.Objects)
	}
	if got := stats.Requests.ByRoute["POST /developer-api/v1/projects/{project_id}/destinations"]; got != clients*rounds {
		t.Errorf("%d destination creates counted, want %d", got, clients*rounds)
	}
}

// exercise is one client's round: a destination's whole life and a Braze key.
func exercise(f *fixture, name string) error {
	admin := sandboxtest.DeveloperAuth(developerapi.AdminToken)
	destinations := developerapi.Path + sandboxtest.DestinationsPath
	steps := []struct {
		method, path string
		body         any
		auth         func(*http.Request)
	}{
		{http.MethodPost, "/braze/api_keys/create", map[string]any{"name": name, "permissions": []string{"users.track"}}, sandboxtest.Bearer(brazeapi.AdminKey)},
		{http.MethodGet, "/braze/api_keys/list", nil, sandboxtest.Bearer(brazeapi.AdminKey)},
		{http.MethodPost, destinations, sandboxtest.BrazeStream(name), admin},
		{http.MethodGet, destinations + "?limit=3", nil, admin},
	}
	var id string
	for _, s := range steps {
		r, err := f.Try(s.method, s.path, s.body, s.auth)
		if err != nil {
			return err
		}
		if r.Status != http.StatusOK && r.Status != http.StatusCreated {
			return fmt.Errorf("%s %s: %d %s", s.method, s.path, r.Status, r.Body)
		}
		if s.method == http.MethodPost && s.path == destinations {
			id, _ = r.ObjectID()
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
		r, err := f.Try(s.method, s.path, s.body, s.auth)
		if err != nil {
			return err
		}
		if r.Status != http.StatusOK {
			return fmt.Errorf("%s destination: %d %s", s.method, r.Status, r.Body)
		}
	}
	return nil
}

// Syncs, the taxonomy and the Braze export under concurrent clients while
// simulated time passes: runs write attributes on whichever request comes
// first.
func TestConcurrentSyncsAndTaxonomy(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
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
			f.Clock.Advance(10 * time.Minute)
			_, _ = f.Try(http.MethodGet, "/_sandbox/stats", nil, nil)
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	f.Clock.Advance(time.Hour)
	stats := f.Sandbox.Stats()
	if stats.Objects["syncs"] != clients || stats.Objects["user_properties"] != 4+clients || stats.Objects["custom_attributes"] != 2+clients {
		t.Errorf("objects %+v", stats.Objects)
	}
}

func syncRound(f *fixture, stream, property string) error {
	steps := []struct {
		method, path string
		body         any
		auth         func(*http.Request)
	}{
		{http.MethodPost, developerapi.Path + sandboxtest.UserPropertiesPath, map[string]any{"property_name": property, "data_type": "number"}, sandboxtest.WithKey(developerapi.AdminToken, sandboxtest.NewKey())},
		{http.MethodPost, "/amplitude/api/2/syncs", sandboxtest.SyncBody("user_property", property, stream, "hourly"), sandboxtest.AmplitudeAuth},
		{http.MethodGet, "/amplitude/api/2/syncs?limit=2", nil, sandboxtest.AmplitudeAuth},
		{http.MethodGet, "/amplitude/api/3/cohorts?includeSyncInfo=true", nil, sandboxtest.AmplitudeAuth},
		{http.MethodGet, "/braze/custom_attributes", nil, sandboxtest.Bearer(brazeapi.AdminKey)},
	}
	for _, s := range steps {
		r, err := f.Try(s.method, s.path, s.body, s.auth)
		if err != nil {
			return err
		}
		if r.Status != http.StatusOK && r.Status != http.StatusCreated {
			return fmt.Errorf("%s %s: %d %s", s.method, s.path, r.Status, r.Body)
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
	f.Sandbox.SetFaults(core.Faults{DropResponseRate: 0.3, ErrorRate: 0.2})
	type write struct{ key, path, name string }
	var writes []write
	for i := range 20 {
		writes = append(writes, write{sandboxtest.NewKey(), sandboxtest.EventsPath, fmt.Sprintf("Event %02d", i)})
	}
	for i := range 30 {
		writes = append(writes, write{sandboxtest.NewKey(), sandboxtest.EventPropertiesPath("Purchase"), fmt.Sprintf("prop_%02d", i)})
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(writes))
	for _, w := range writes {
		body := map[string]any{"event_type": w.name}
		if w.path != sandboxtest.EventsPath {
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
					r, err := f.Try("POST", developerapi.Path+w.path, body, sandboxtest.WithKey(developerapi.AdminToken, w.key))
					switch {
					case err != nil, r.Status >= 500, r.Status == http.StatusConflict && strings.Contains(string(r.Body), "idempotency_key_in_use"):
						continue
					case r.Status != http.StatusCreated:
						errs <- fmt.Errorf("%s: %d %s", w.name, r.Status, r.Body)
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
	if objects := f.Sandbox.Stats().Objects; objects["events"] != 3+20 || objects["event_properties"] != 2+30 {
		t.Errorf("objects %+v, want exactly 20 events and 30 properties made", objects)
	}
}
