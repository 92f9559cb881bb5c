package transport

import "testing"

func TestRedactURLHidesUserInformation(t *testing.T) {
	for raw, want := range map[string]string{
		"https://user:password@rest.iad-05.braze.com/x":            "https://[REDACTED]@rest.iad-05.braze.com/x",
		"https://token@host":                                       "https://[REDACTED]@host",
		"http://u:p@ss@127.0.0.1:8089/braze":                       "http://[REDACTED]@127.0.0.1:8089/braze",
		"https://u:pa/ss@host":                                     "https://[REDACTED]@host",
		"https://u:pa ss%zz@host":                                  "https://[REDACTED]@host",
		"user:password@127.0.0.1:8089":                             "[REDACTED]@127.0.0.1:8089",
		"https://rest.iad-05.braze.com/custom_attributes?cursor=a": "https://rest.iad-05.braze.com/custom_attributes?cursor=a",
		"": "",
	} {
		if got := RedactURL(raw); got != want {
			t.Errorf("RedactURL(%q) = %q; want %q", raw, got, want)
		}
	}
}
