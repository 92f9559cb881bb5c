package amplitude_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// These tests point the client at small servers that misbehave in ways a
// compromised or misconfigured endpoint could, and check that no credential
// leaves through them.

const (
	hostileAPIKey    = "amplitude-api-key-42"
	hostileSecretKey = "amplitude-secret-key-0123456789"
)

func hostileClient(t *testing.T, baseURL string) *amplitude.Client {
	t.Helper()
	c, err := amplitude.New(amplitude.Config{
		BaseURL:   baseURL,
		APIKey:    hostileAPIKey,
		SecretKey: hostileSecretKey,
		Transport: transport.Config{MaxRetries: 1, MinBackoff: time.Millisecond, MaxBackoff: time.Millisecond},
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

// wantNoSecret fails when text holds the secret key in any form a server
// could echo: as sent (base64 of api_key:secret_key), decoded, or bare.
func wantNoSecret(t *testing.T, what, text string) {
	t.Helper()
	pair := hostileAPIKey + ":" + hostileSecretKey
	for _, form := range []string{hostileSecretKey, base64.StdEncoding.EncodeToString([]byte(pair))} {
		if strings.Contains(text, form) {
			t.Errorf("%s quotes the credentials as %q: %s", what, form, text)
		}
	}
}

func TestErrorsDoNotEchoTheCredentials(t *testing.T) {
	decoded := func(auth string) string {
		raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(auth, "Basic "))
		return string(raw)
	}
	bodies := map[string]func(auth string) string{
		"errors": func(auth string) string {
			return fmt.Sprintf(`{"success": false, "errors": [{"message": "bad header %s"}]}`, auth)
		},
		"error":      func(auth string) string { return fmt.Sprintf(`{"error": "credentials %s rejected"}`, decoded(auth)) },
		"plain text": func(auth string) string { return "unauthorized: " + auth },
	}
	for name, body := range bodies {
		for _, status := range []int{http.StatusUnauthorized, http.StatusBadRequest, http.StatusInternalServerError} {
			server := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(status)
				fmt.Fprint(w, body(r.Header.Get("Authorization")))
			})
			_, err := hostileClient(t, server.URL).ListCohorts(t.Context())
			if err == nil {
				t.Fatalf("%s, HTTP %d: no error", name, status)
			}
			wantNoSecret(t, fmt.Sprintf("%s, HTTP %d", name, status), err.Error())
		}
	}
}

// A server that never stops answering must not fill the provider's memory.
func TestAnswersAreReadUpToALimit(t *testing.T) {
	server := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"cohorts": [], "padding": "`)
		chunk := strings.Repeat("x", 1<<20)
		for range 40 {
			fmt.Fprint(w, chunk)
		}
		fmt.Fprint(w, `"}`)
	})
	_, err := hostileClient(t, server.URL).ListCohorts(t.Context())
	if err == nil || !strings.Contains(err.Error(), "larger than 32 MiB") || !strings.Contains(err.Error(), "/api/3/cohorts") {
		t.Errorf("err = %v; want the answer refused as larger than 32 MiB, naming the path", err)
	}
}

// A server that hands back a cursor it gave before would keep a listing
// going forever.
func TestListingsStopWhenACursorRepeats(t *testing.T) {
	var pages atomic.Int32
	server := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := pages.Add(1)
		cursor := fmt.Sprintf("c%d", n%3) // c1, c2, c0, c1: the fourth repeats the first
		fmt.Fprintf(w, `{"success": true, "data": [], "next_cursor": %q}`, cursor)
	})
	// Were the repetition missed, the listing would not end, and the test
	// would fail at go test's timeout.
	_, err := hostileClient(t, server.URL).ListSyncs(t.Context())
	if err == nil || !strings.Contains(err.Error(), "/api/2/syncs") || !strings.Contains(err.Error(), "page 4 handed back the cursor of page 1") {
		t.Errorf("err = %v; want the repeated cursor named with the path", err)
	}
	if n := pages.Load(); n != 4 {
		t.Errorf("%d pages requested; want 4", n)
	}
}

func TestNewQuotesNoPassword(t *testing.T) {
	_, err := amplitude.New(amplitude.Config{BaseURL: "ftp://user:hunter2@amplitude.com", APIKey: hostileAPIKey, SecretKey: hostileSecretKey})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v; want a refusal that hides the password", err)
	}
}

// Only Amplitude's own answer that an object is missing counts as one: a
// 404 from whatever else answers at a wrong base URL (a proxy's page, a
// bare server) is an error that names the URL, or every object would read
// as deleted.
func TestOnlyAmplitudesNotFoundIsNotFound(t *testing.T) {
	bodies := map[string]string{
		"plain text":    "404 page not found",
		"html":          "<html><body>Not Found</body></html>",
		"other json":    `{"status": 404, "title": "Not Found"}`,
		"empty":         "",
		"amplitude own": `{"success": false, "errors": [{"message": "Not found"}]}`,
	}
	for name, body := range bodies {
		server := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, body)
		})
		_, err := hostileClient(t, server.URL).GetSync(t.Context(), "s-1")
		vendors := name == "amplitude own"
		if amplitude.IsNotFound(err) != vendors {
			t.Errorf("%s: IsNotFound = %v, want %v (%v)", name, !vendors, vendors, err)
		}
		if !vendors && (!strings.Contains(err.Error(), server.URL+"/api/2/syncs/s-1") || !strings.Contains(err.Error(), "base URL is probably wrong")) {
			t.Errorf("%s: %v; want the URL named and the base URL suspected", name, err)
		}
	}
}
