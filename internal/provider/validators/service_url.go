package validators

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// ServiceURL checks a vendor URL at plan time. CheckServiceURL states the
// rules, so that Configure can apply the same ones to a URL taken from the
// environment.
func ServiceURL() validator.String {
	return stringCheck{
		summary:     "Invalid URL",
		description: "must be an https:// URL (http:// only for loopback hosts)",
		check:       CheckServiceURL,
	}
}

// CheckServiceURL accepts an https:// URL, or an http:// one whose host is a
// loopback address, such as a local sandbox or proxy. Otherwise it returns a
// sentence for the user. The sentence quotes the URL without its user
// information, so that a URL refused for carrying a password does not print
// the password.
func CheckServiceURL(raw string) error {
	quoted := transport.RedactURL(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return fmt.Errorf("%q is not a URL; expected an https:// URL such as https://rest.iad-05.braze.com", quoted)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q must not carry credentials, a query or a fragment", quoted)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopbackHost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("%q uses plain http://, which is allowed only for loopback hosts (127.0.0.1, ::1, localhost); use https://", quoted)
	default:
		return fmt.Errorf("%q has scheme %q; expected https://", quoted, u.Scheme)
	}
}

// isLoopbackHost reports whether host names this machine.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
