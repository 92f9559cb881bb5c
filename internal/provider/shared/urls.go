package shared

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// CheckServiceURL accepts an https:// URL, or an http:// one whose host is a
// loopback address (a local sandbox or proxy). It returns a sentence for the
// user otherwise.
func CheckServiceURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return fmt.Errorf("%q is not a URL; expected an https:// URL such as https://rest.iad-05.braze.com", raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q must not carry credentials, a query or a fragment", raw)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if IsLoopbackHost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("%q uses plain http://, which is allowed only for loopback hosts (127.0.0.1, ::1, localhost); use https://", raw)
	default:
		return fmt.Errorf("%q has scheme %q; expected https://", raw, u.Scheme)
	}
}

// IsLoopbackHost reports whether host names this machine.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
