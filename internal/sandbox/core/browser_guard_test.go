package core_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// withHost sends the request as if addressed to host, as a browser does
// after DNS rebinding points an attacker's name at 127.0.0.1.
func withHost(host string, auth func(*http.Request)) func(*http.Request) {
	return func(req *http.Request) {
		req.Host = host
		if auth != nil {
			auth(req)
		}
	}
}

func withOrigin(origin string) func(*http.Request) {
	return func(req *http.Request) { req.Header.Set("Origin", origin) }
}

func TestForeignHostsAreRefused(t *testing.T) {
	f := start(t)
	for _, host := range []string{"attacker.example", "attacker.example:8089", "localhost.attacker.example", "127.0.0.1.nip.io:80", "192.168.1.10:8089", "[::2]:80", "localhost.:8089"} {
		for _, call := range []struct {
			method, path string
			auth         func(*http.Request)
		}{
			{"GET", "/_sandbox/health", nil},
			{"POST", "/_sandbox/reset", nil},
			{"GET", "/amplitude/api/2/syncs", sandboxtest.AmplitudeAuth},
			{"GET", "/braze/api_keys/list", sandboxtest.Bearer(brazeapi.AdminKey)},
		} {
			r := f.Send(call.method, call.path, nil, withHost(host, call.auth))
			if r.Status != http.StatusForbidden {
				t.Errorf("%s %s with Host %q: HTTP %d %s; want 403", call.method, call.path, host, r.Status, r.Body)
			}
		}
	}
	if got := f.Sandbox.Stats().Requests.ByMethod["GET"]; got != 0 {
		t.Errorf("%d refused requests reached the vendor handlers", got)
	}
}

// HTTP/1.0 requests may carry no Host at all; no browser sends those.
func TestRequestsWithoutAHostAreRefused(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/_sandbox/health", nil)
	req.Host = ""
	rec := httptest.NewRecorder()
	core.New(core.Options{}).ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("no Host: HTTP %d; want 403", rec.Code)
	}
}

func TestLoopbackHostsAreServed(t *testing.T) {
	f := start(t)
	for _, host := range []string{"localhost", "LOCALHOST:8089", "127.0.0.1", "127.0.0.1:8089", "127.1.2.3:80", "[::1]:8089", "[::1]"} {
		if r := f.Send("GET", "/_sandbox/health", nil, withHost(host, nil)); r.Status != http.StatusOK {
			t.Errorf("Host %q: HTTP %d %s; want 200", host, r.Status, r.Body)
		}
	}
}

// A page in the developer's browser can POST to the sandbox cross-origin
// (a "simple" request needs no preflight); the browser then sends Origin.
func TestControlRequestsFromWebPagesAreRefused(t *testing.T) {
	f := start(t)
	for _, call := range []struct{ method, path string }{
		{"POST", "/_sandbox/reset"},
		{"PUT", "/_sandbox/faults"},
		{"GET", "/_sandbox/stats"},
		{"POST", "/_sandbox/custom_attributes"},
	} {
		for _, origin := range []string{"https://attacker.example", "null", "http://127.0.0.1:8089"} {
			r := f.Send(call.method, call.path, nil, withOrigin(origin))
			if r.Status != http.StatusForbidden {
				t.Errorf("%s %s with Origin %q: HTTP %d %s; want 403", call.method, call.path, origin, r.Status, r.Body)
			}
		}
	}
}
