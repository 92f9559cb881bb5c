package transport

import (
	"fmt"
	"net/http"
)

// RedirectError is a 3xx answer. Neither vendor documents redirects on its
// APIs, and following one would send the credentials, and a write's body,
// wherever it points: to another port, or down to plain HTTP. So the
// transport follows none and reports where the redirect pointed instead.
type RedirectError struct {
	StatusCode int
	// Location is where the server pointed, with credentials redacted.
	Location string
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("the server answered HTTP %d, a redirect to %q; redirects are not followed, since they would carry the credentials: check the endpoint URL",
		e.StatusCode, e.Location)
}

// HTTPStatus tells CreateOnce that the server refused the request rather
// than acting on it.
func (e *RedirectError) HTTPStatus() int { return e.StatusCode }

// refuseRedirects is the http.Client's CheckRedirect. It makes the client
// return the redirect answer itself instead of following it, and Do then
// turns that answer into a RedirectError.
func refuseRedirects(*http.Request, []*http.Request) error {
	return http.ErrUseLastResponse
}

func isRedirect(status int) bool {
	return status >= 300 && status < 400
}

// location returns where a redirect points, resolved against the request so
// that a relative Location header still names its host.
func location(resp *http.Response) string {
	if u, err := resp.Location(); err == nil {
		return u.String()
	}
	return resp.Header.Get("Location")
}
