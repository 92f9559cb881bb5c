package validators

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestCheckServiceURL(t *testing.T) {
	for _, ok := range []string{"https://rest.iad-05.braze.com", "https://amplitude.com/", "http://127.0.0.1:8089/braze", "http://localhost:1/x", "http://[::1]:80"} {
		if err := CheckServiceURL(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for bad, want := range map[string]string{
		"rest.iad-05.braze.com":         "not a URL",
		"http://rest.iad-05.braze.com":  "only for loopback",
		"ftp://example.com":             `scheme "ftp"`,
		"https://user:pw@example.com":   "credentials",
		"https://example.com/?x=1":      "query",
		"":                              "not a URL",
		"https://":                      "not a URL",
		"http://127.0.0.1.example.com/": "only for loopback",
	} {
		err := CheckServiceURL(bad)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v; want an error containing %q", bad, err, want)
		}
	}
}

func FuzzCheckServiceURL(f *testing.F) {
	for _, seed := range []string{"https://rest.iad-05.braze.com", "http://127.0.0.1:8089/braze", "http://x", "ftp://y", "%zz", "https://[::1"} {
		f.Add(seed)
	}
	f.Add("https://user:hunter2@host")
	f.Fuzz(func(t *testing.T, raw string) {
		if err := CheckServiceURL(raw); err != nil {
			// A refusal never quotes user information.
			if strings.Contains(raw, "@") && strings.Contains(err.Error(), fmt.Sprintf("%q", raw)) {
				t.Fatalf("the refusal of %q quotes it whole: %v", raw, err)
			}
			return
		}
		// Whatever is accepted is an absolute http(s) URL with a host, and
		// plain http only to a loopback host.
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			t.Fatalf("accepted %q, which does not parse to a URL with a host", raw)
		}
		if plainHTTPAllowed := u.Scheme == "http" && isLoopbackHost(u.Hostname()); u.Scheme != "https" && !plainHTTPAllowed {
			t.Fatalf("accepted %q with scheme %q and host %q", raw, u.Scheme, u.Hostname())
		}
	})
}

func TestCheckServiceURLQuotesNoPassword(t *testing.T) {
	for _, raw := range []string{
		"https://user:hunter2@rest.iad-05.braze.com",
		"http://user:hunter2@example.com",
		"ftp://user:hunter2@example.com",
		"https://user:hunter2@host:port",
		"rest.iad-05.braze.com:hunter2@x",
	} {
		err := CheckServiceURL(raw)
		if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "[REDACTED]@") {
			t.Errorf("CheckServiceURL(%q) = %v; want a refusal that hides the password", raw, err)
		}
	}
}
