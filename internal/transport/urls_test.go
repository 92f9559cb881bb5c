package transport

import (
	"net/url"
	"testing"
)

func TestRedactURLHidesUserInformation(t *testing.T) {
	for raw, want := range map[string]string{
		"https://user:password@rest.iad-05.braze.com/x":            "https://[REDACTED]@rest.iad-05.braze.com/x",
		"https://token@host":                                       "https://[REDACTED]@host",
		"http://u:p@ss@127.0.0.1:8089/braze":                       "http://[REDACTED]@127.0.0.1:8089/braze",
		"https://u:pa/ss@host":                                     "https://[REDACTED]@host",
		"https://u:pa ss%zz@host":                                  "https://[REDACTED]@host",
		"user:password@127.0.0.1:8089":                             "[REDACTED]@127.0.0.1:8089",
		"user:password@127.0.0.1:8089/a//b":                        "[REDACTED]@127.0.0.1:8089/a//b",
		"//user:password@host/x":                                   "//[REDACTED]@host/x",
		"@//":                                                      "[REDACTED]@//",
		"https://rest.iad-05.braze.com/custom_attributes?cursor=a": "https://rest.iad-05.braze.com/custom_attributes?cursor=a",
		"": "",
	} {
		if got := RedactURL(raw); got != want {
			t.Errorf("RedactURL(%q) = %q; want %q", raw, got, want)
		}
	}
}

func TestSameOriginComparesSchemeHostAndPort(t *testing.T) {
	base, _ := url.Parse("https://rest.iad-05.braze.com/braze")
	for raw, want := range map[string]bool{
		"https://rest.iad-05.braze.com/custom_attributes?cursor=b": true,
		"https://REST.iad-05.braze.com:443/x":                      true,
		"http://rest.iad-05.braze.com/x":                           false,
		"http://rest.iad-05.braze.com:443/x":                       false,
		"https://rest.iad-05.braze.com:8443/x":                     false,
		"https://rest.iad-06.braze.com/x":                          false,
		"https://u:p@rest.iad-05.braze.com/x":                      false,
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := SameOrigin(base, u); got != want {
			t.Errorf("SameOrigin(%s, %s) = %v; want %v", base, raw, got, want)
		}
	}
	loopback, _ := url.Parse("http://127.0.0.1:8089/braze")
	other, _ := url.Parse("http://127.0.0.1:8090/braze")
	if SameOrigin(loopback, other) {
		t.Error("another port on the same host counted as the same origin")
	}
}
