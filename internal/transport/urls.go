package transport

import (
	"net/url"
	"regexp"
	"strings"
)

// RedactURL returns raw with its user information (user:password@) replaced
// by "[REDACTED]", so a URL can be quoted in an error or a log line. raw need
// not parse: a malformed URL is where a password is most often quoted. When
// unsure where the user information ends, it hides up to the last "@",
// preferring to hide too much over showing a password.
func RedactURL(raw string) string {
	start := 0
	if i := strings.Index(raw, "://"); i >= 0 && scheme.MatchString(raw[:i]) {
		start = i + len("://")
	} else if strings.HasPrefix(raw, "//") {
		start = len("//")
	}
	at := strings.LastIndex(raw[start:], "@")
	if at < 0 {
		return raw
	}
	return raw[:start] + "[REDACTED]" + raw[start+at:]
}

// scheme is RFC 3986's syntax of a URL scheme.
var scheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`)

// SameOrigin reports whether u has the scheme, host and port of base, with
// a missing port read as the scheme's default. A pagination link is
// followed only then: the credentials go with it, and a link to another
// port or to plain HTTP would send them there. A link with user information
// is never the same origin.
func SameOrigin(base, u *url.URL) bool {
	return u.User == nil &&
		strings.EqualFold(u.Scheme, base.Scheme) &&
		strings.EqualFold(u.Hostname(), base.Hostname()) &&
		portOrDefault(u) == portOrDefault(base)
}

func portOrDefault(u *url.URL) string {
	if port := u.Port(); port != "" {
		return port
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}
