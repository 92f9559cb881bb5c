package transport

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestErrorAnswersAreRedacted(t *testing.T) {
	const user, password, token = "project-api-key", "p@ss/word+secret", "braze-rest-key-1234"
	cases := map[string]struct {
		credentials Credentials
		forms       []string
	}{
		"basic":  {BasicAuth(user, password), []string{password, base64.StdEncoding.EncodeToString([]byte(user + ":" + password)), "p%40ss%2Fword%2Bsecret"}},
		"bearer": {BearerToken(token), []string{token}},
	}
	for name, c := range cases {
		server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			auth := r.Header.Get("Authorization")
			decoded, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(auth, "Basic "))
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"header": %q, "decoded": %q, "query": "%s"}`, auth, decoded, r.URL.RawQuery)
		}))
		req, _ := http.NewRequest(http.MethodGet, server.URL+"/x?echo="+strings.NewReplacer("@", "%40", "/", "%2F", "+", "%2B").Replace(password), nil)
		resp, err := fastClient(nil, c.credentials).Do(req)
		server.Close()
		if err != nil {
			t.Fatal(err)
		}
		body := string(resp.Body)
		for _, secret := range c.forms {
			if strings.Contains(body, secret) {
				t.Errorf("%s: the error answer shows %q: %s", name, secret, body)
			}
		}
		if !strings.Contains(body, redacted) {
			t.Errorf("%s: nothing was redacted in %s", name, body)
		}
	}
}

func TestSuccessfulAnswersAreUntouched(t *testing.T) {
	const token = "braze-rest-key-1234"
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, token)
	}))
	defer server.Close()
	req, _ := http.NewRequest(http.MethodGet, server.URL, nil)
	resp, err := fastClient(nil, BearerToken(token)).Do(req)
	if err != nil || string(resp.Body) != token {
		t.Errorf("got %q, %v; want the body as sent", resp.Body, err)
	}
}

func TestNetworkErrorsAreRedacted(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	server.Close()
	req, _ := http.NewRequest(http.MethodGet, server.URL+"/keys?token=braze-rest-key-1234", nil)
	_, err := fastClient(nil, BearerToken("braze-rest-key-1234")).Do(req)
	if err == nil || strings.Contains(err.Error(), "braze-rest-key-1234") {
		t.Fatalf("err = %v; want a network error without the token", err)
	}
	var urlErr *url.Error
	if !strings.Contains(err.Error(), "connection refused") || !errors.As(err, &urlErr) {
		t.Errorf("err = %v; want the cause kept", err)
	}
}

func TestRequestsCannotBringTheirOwnCredentials(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Error("a request with its own Authorization header was sent")
	}))
	defer server.Close()
	req, _ := http.NewRequest(http.MethodGet, server.URL, nil)
	req.Header.Set("Authorization", "Bearer unredacted")
	if _, err := fastClient(nil, Credentials{}).Do(req); !errors.Is(err, errOwnAuthorization) {
		t.Errorf("err = %v; want errOwnAuthorization", err)
	}
}
