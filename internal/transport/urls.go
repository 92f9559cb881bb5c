package transport

import "strings"

// RedactURL returns raw with its user information (user:password@) replaced
// by "[REDACTED]", so a URL can be quoted in an error or a log line. raw need
// not parse: a malformed URL is where a password is most often quoted. When
// unsure where the user information ends, it hides up to the last "@",
// preferring to hide too much over showing a password.
func RedactURL(raw string) string {
	start := 0
	if i := strings.Index(raw, "//"); i >= 0 {
		start = i + len("//")
	}
	at := strings.LastIndex(raw[start:], "@")
	if at < 0 {
		return raw
	}
	return raw[:start] + "[REDACTED]" + raw[start+at:]
}
