package braze_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// These tests drive the client against the sandbox, which emulates Braze by
// its documentation (api/braze.openapi.yaml): the two are written apart, and
// the fixture checks every request and answer against that document, so a
// test that passes shows they agree on the wire.

type fixture struct {
	sandbox  *sandbox.Server
	contract *contract.Checker
	url      string
}

// newFixture serves the sandbox behind the contract check, through wrap if
// given. The sandbox keeps
// real time: the client compares key creation times with its own clock.
func newFixture(t *testing.T, wrap func(http.Handler) http.Handler) *fixture {
	t.Helper()
	s := sandbox.New(sandbox.Options{})
	checker := contract.Handler(t, s)
	var h http.Handler = checker
	if wrap != nil {
		h = wrap(h)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return &fixture{sandbox: s, contract: checker, url: ts.URL}
}

func (f *fixture) client(t *testing.T, key string) *braze.Client {
	t.Helper()
	c, err := braze.New(braze.Config{
		RESTEndpoint: f.url + "/braze",
		APIKey:       key,
		Transport:    transport.Config{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// control calls one of the sandbox's own endpoints.
func (f *fixture) control(t *testing.T, method, path string, body any, out any) {
	t.Helper()
	data, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, f.url+"/_sandbox"+path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d", method, path, resp.StatusCode)
	}
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
}
