package braze_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// These tests point the client at small servers that misbehave in ways a
// compromised or misconfigured endpoint could, and check that no credential
// leaves through them.

const hostileTestKey = "braze-rest-key-0123456789"

func hostileClient(t *testing.T, endpoint string) *braze.Client {
	t.Helper()
	c, err := braze.New(braze.Config{
		RESTEndpoint: endpoint,
		APIKey:       hostileTestKey,
		Transport:    transport.Config{MaxRetries: 1, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

// wantNoKey fails when text holds the key in any form a server could echo.
func wantNoKey(t *testing.T, what, text string) {
	t.Helper()
	for _, form := range []string{hostileTestKey, "Bearer " + hostileTestKey} {
		if strings.Contains(text, form) {
			t.Errorf("%s quotes the key as %q: %s", what, form, text)
		}
	}
}

func TestErrorsDoNotEchoTheKey(t *testing.T) {
	bodies := map[string]func(auth string) string{
		"message": func(auth string) string { return fmt.Sprintf(`{"message": "invalid credentials: %s"}`, auth) },
		"errors": func(auth string) string {
			return fmt.Sprintf(`{"message": "bad", "errors": ["header was %s", {"message": %q}]}`, auth, auth)
		},
		"plain text": func(auth string) string { return "no such key: " + auth },
	}
	for name, body := range bodies {
		for _, status := range []int{http.StatusUnauthorized, http.StatusBadRequest, http.StatusInternalServerError} {
			server := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(status)
				fmt.Fprint(w, body(r.Header.Get("Authorization")))
			})
			_, err := hostileClient(t, server.URL).ListCustomAttributes(t.Context())
			if err == nil {
				t.Fatalf("%s, HTTP %d: no error", name, status)
			}
			wantNoKey(t, fmt.Sprintf("%s, HTTP %d", name, status), err.Error())
		}
	}
}

// A server that never stops answering must not fill the provider's memory.
func TestAnswersAreReadUpToALimit(t *testing.T) {
	server := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"attributes": [], "padding": "`)
		chunk := strings.Repeat("x", 1<<20)
		for range 40 {
			fmt.Fprint(w, chunk)
		}
		fmt.Fprint(w, `"}`)
	})
	_, err := hostileClient(t, server.URL).ListCustomAttributes(t.Context())
	if err == nil || !strings.Contains(err.Error(), "larger than 32 MiB") || !strings.Contains(err.Error(), "/custom_attributes") {
		t.Errorf("err = %v; want the answer refused as larger than 32 MiB, naming the path", err)
	}
}

// Braze points to the next page through the Link header; a link off the
// configured endpoint (another port, another scheme, another host) would
// carry the key there.
func TestPaginationLinksStayOnTheEndpoint(t *testing.T) {
	var recorded atomic.Int32
	recorder := serve(t, func(w http.ResponseWriter, r *http.Request) {
		recorded.Add(1)
		fmt.Fprint(w, `{"attributes": []}`)
	})
	for _, next := range []string{
		recorder.URL + "/custom_attributes?cursor=b",
		strings.Replace(recorder.URL, "http://127.0.0.1", "http://localhost", 1) + "/custom_attributes?cursor=b",
		"//" + strings.TrimPrefix(recorder.URL, "http://") + "/custom_attributes?cursor=b",
	} {
		server := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="next"`, next))
			fmt.Fprint(w, `{"attributes": [{"name": "plan"}]}`)
		})
		_, err := hostileClient(t, server.URL).ListCustomAttributes(t.Context())
		if err == nil || !strings.Contains(err.Error(), "points off the REST endpoint") {
			t.Errorf("Link to %s: err = %v; want it refused", next, err)
		}
	}
	if n := recorded.Load(); n > 0 {
		t.Errorf("the recorder was reached %d times", n)
	}
}

// A server whose Link headers loop would keep a listing going forever.
func TestPaginationStopsWhenALinkRepeats(t *testing.T) {
	var pages atomic.Int32
	server := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := pages.Add(1)
		w.Header().Set("Link", fmt.Sprintf(`</custom_attributes?cursor=c%d>; rel="next"`, n%2))
		fmt.Fprint(w, `{"attributes": []}`)
	})
	_, err := hostileClient(t, server.URL).ListCustomAttributes(t.Context())
	if err == nil || !strings.Contains(err.Error(), "page 3 handed back the cursor of page 1") {
		t.Errorf("err = %v; want the repeated link named", err)
	}
	if n := pages.Load(); n != 3 {
		t.Errorf("%d pages requested; want 3", n)
	}
}

func TestNewQuotesNoPassword(t *testing.T) {
	_, err := braze.New(braze.Config{RESTEndpoint: "ftp://user:hunter2@rest.iad-05.braze.com", APIKey: hostileTestKey})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v; want a refusal that hides the password", err)
	}
}

// Only Braze's own answer that a key is missing counts as one: a 404 from
// whatever else answers at a wrong endpoint is an error naming the URL.
func TestOnlyBrazesNotFoundIsNotFound(t *testing.T) {
	bodies := map[string]string{
		"plain text": "404 page not found",
		"html":       "<html><body>Not Found</body></html>",
		"empty":      "",
		"braze own":  `{"message": "API key not found"}`,
	}
	for name, body := range bodies {
		server := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, body)
		})
		_, err := hostileClient(t, server.URL).GetAPIKey(t.Context(), "5a4d3c2b-1a00-4000-8000-00000000a001")
		vendors := name == "braze own"
		if braze.IsNotFound(err) != vendors {
			t.Errorf("%s: IsNotFound = %v, want %v (%v)", name, !vendors, vendors, err)
		}
		if !vendors && (!strings.Contains(err.Error(), server.URL+"/api_keys/info") || !strings.Contains(err.Error(), "REST endpoint is probably wrong")) {
			t.Errorf("%s: %v; want the URL named and the endpoint suspected", name, err)
		}
	}
}
