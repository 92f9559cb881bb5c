package braze_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
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
