package core

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// refuseBrowsers keeps web pages away from the sandbox, which has no
// authentication of its own (its vendor credentials are public). A page the
// developer visits can send a cross-origin POST that needs no preflight, or
// rebind its own name to 127.0.0.1 and then read the answers. So every
// request must be addressed to a loopback name or address (the Host header
// of a rebound page names the attacker's host), and a control request must
// not carry Origin, which browsers add to cross-origin requests and tools
// such as curl and the providers never send. The sandbox serves no pages,
// so no legitimate browser request exists.
func refuseBrowsers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isLoopbackHost(r.Host) {
			WriteControlError(w, http.StatusForbidden, fmt.Sprintf(
				"the sandbox answers only requests addressed to localhost, 127.0.0.0/8 or ::1; this one was addressed to %q", r.Host))
			return
		}
		if strings.HasPrefix(r.URL.Path, "/_sandbox/") && r.Header.Get("Origin") != "" {
			WriteControlError(w, http.StatusForbidden, fmt.Sprintf(
				"the sandbox's control endpoints refuse requests from web pages (Origin %q); call them from a script or test", r.Header.Get("Origin")))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// isLoopbackHost reports whether a Host header, with or without a port,
// names this machine.
func isLoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
