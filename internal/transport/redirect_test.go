package transport

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// recorder is a server that must never be reached: it counts what arrives
// and whether it carried the credentials or a body.
type recorder struct {
	server                       *httptest.Server
	requests, withAuth, withBody atomic.Int32
}

func newRecorder(t *testing.T) *recorder {
	t.Helper()
	r := &recorder{}
	r.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.requests.Add(1)
		if req.Header.Get("Authorization") != "" {
			r.withAuth.Add(1)
		}
		if req.ContentLength > 0 {
			r.withBody.Add(1)
		}
	}))
	t.Cleanup(r.server.Close)
	return r
}

func (r *recorder) wantUntouched(t *testing.T) {
	t.Helper()
	if n := r.requests.Load(); n > 0 {
		t.Errorf("the recorder was reached %d times (%d with Authorization, %d with a body)", n, r.withAuth.Load(), r.withBody.Load())
	}
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			rec := newRecorder(t)
			// The same host on another port, plain HTTP: a downgrade that
			// Go's default policy would follow with the Authorization header.
			location := strings.Replace(rec.server.URL, "http://", "http://user:hunter2@", 1) + "/collect?from=redirect"
			quoted := strings.Replace(location, "user:hunter2", "[REDACTED]", 1)
			origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, location, status)
			}))
			req, _ := http.NewRequest(method, origin.URL+"/api/2/syncs", strings.NewReader(`{"secret":"in-the-body"}`))
			_, err := fastClient(nil, BearerToken("redirect-test-token")).Do(req)
			origin.Close()

			rec.wantUntouched(t)
			var redirect *RedirectError
			if !errors.As(err, &redirect) {
				t.Fatalf("%s answered %d: err = %v; want a *RedirectError", method, status, err)
			}
			if redirect.HTTPStatus() != status || !strings.Contains(err.Error(), quoted) || strings.Contains(err.Error(), "hunter2") {
				t.Errorf("%s answered %d: %v; want the status and %q named", method, status, err, quoted)
			}
		}
	}
}
