package sandbox_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// taxonomyRequest is a Taxonomy API request for calling the handler
// directly, which lets a test hold it in flight. It is addressed to a
// loopback host, as the sandbox requires.
func taxonomyRequest(t *testing.T, method, path string, form url.Values) *http.Request {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequestWithContext(t.Context(), method, "http://127.0.0.1/amplitude/api/2/taxonomy/user-property"+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.SetBasicAuth(sandbox.AmplitudeAPIKey, sandbox.AmplitudeSecretKey)
	return req
}

// stalledWriter is a client slow to take its answer: the request stays in
// flight, holding its cost, until released.
type stalledWriter struct {
	header  http.Header
	status  int
	writing chan<- struct{}
	release <-chan struct{}
}

func (w *stalledWriter) Header() http.Header { return w.header }
func (w *stalledWriter) WriteHeader(status int) {
	w.status = status
	w.writing <- struct{}{}
	<-w.release
}
func (w *stalledWriter) Write(b []byte) (int, error) { return len(b), nil }

// holdInFlight starts requests and returns once each is writing its answer;
// release lets them finish.
func holdInFlight(t *testing.T, s *sandbox.Server, reqs ...*http.Request) (release func()) {
	t.Helper()
	writing := make(chan struct{}, len(reqs))
	hold := make(chan struct{})
	var wg sync.WaitGroup
	writers := make([]*stalledWriter, len(reqs))
	for i, req := range reqs {
		writers[i] = &stalledWriter{header: http.Header{}, writing: writing, release: hold}
		wg.Go(func() { s.ServeHTTP(writers[i], req) })
	}
	for range reqs {
		<-writing
	}
	return func() {
		close(hold)
		wg.Wait()
		for i, w := range writers {
			if w.status != http.StatusOK {
				t.Errorf("held request %d answered %d", i, w.status)
			}
		}
	}
}

func serve(s *sandbox.Server, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func TestTaxonomyConcurrentCost(t *testing.T) {
	read := func() *http.Request { return taxonomyRequest(t, "GET", "/gp:plan", nil) }
	write := func() *http.Request { return taxonomyRequest(t, "PUT", "/gp:plan", url.Values{"description": {"x"}}) }
	tests := []struct {
		name     string
		inFlight []*http.Request
		fits     func() *http.Request
		refused  func() *http.Request
	}{
		{"three reads leave room for a read, not a write", []*http.Request{read(), read(), read()}, read, write},
		{"four reads fill the budget", []*http.Request{read(), read(), read(), read()}, nil, read},
		{"two writes fill the budget", []*http.Request{write(), write()}, nil, read},
		{"a write and a read leave room for a read, not a write", []*http.Request{write(), read()}, read, write},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := start(t)
			release := holdInFlight(t, f.server, tt.inFlight...)
			if tt.fits != nil {
				if rec := serve(f.server, tt.fits()); rec.Code != http.StatusOK {
					t.Errorf("a request that fits answered %d: %s", rec.Code, rec.Body)
				}
			}
			rec := serve(f.server, tt.refused())
			if rec.Code != http.StatusTooManyRequests || !strings.Contains(rec.Body.String(), `"success":false`) ||
				!strings.Contains(rec.Body.String(), "the Taxonomy API runs at most 4 cost at once") {
				t.Errorf("over the budget: %d %s", rec.Code, rec.Body)
			}
			// Other Amplitude APIs have budgets of their own.
			other := httptest.NewRequestWithContext(t.Context(), "GET", "http://127.0.0.1/amplitude/api/2/syncs", nil)
			other.SetBasicAuth(sandbox.AmplitudeAPIKey, sandbox.AmplitudeSecretKey)
			if rec := serve(f.server, other); rec.Code != http.StatusOK {
				t.Errorf("syncs answered %d while the Taxonomy budget was spent", rec.Code)
			}
			release()
			if rec := serve(f.server, tt.refused()); rec.Code != http.StatusOK {
				t.Errorf("after the others finished: %d %s", rec.Code, rec.Body)
			}
		})
	}
}

func TestTaxonomyPeriodCost(t *testing.T) {
	f := start(t)
	// 7198 reads and a write spend the hour's 7200.
	for i := range 7198 {
		if rec := serve(f.server, taxonomyRequest(t, "GET", "/gp:nothing", nil)); rec.Code != http.StatusNotFound {
			t.Fatalf("read %d answered %d: %s", i, rec.Code, rec.Body)
		}
	}
	if rec := serve(f.server, taxonomyRequest(t, "PUT", "/gp:plan", url.Values{"description": {"x"}})); rec.Code != http.StatusOK {
		t.Fatalf("the write that spends the last of the budget answered %d: %s", rec.Code, rec.Body)
	}
	r := f.amplitude("GET", userProperties+"/gp:plan", nil)
	r.wantAmplitudeError(t, http.StatusTooManyRequests, "the Taxonomy API allows 7200 cost per hour and 7200 is spent; the period ends at 2026-03-04T06:00:00Z")
	if r.header.Get("Retry-After") != "" {
		t.Error("Retry-After on a Taxonomy 429; Amplitude documents none")
	}
	// Refused requests cost nothing, and the next hour starts afresh.
	f.clock.advance(54 * time.Minute)
	f.amplitude("GET", userProperties+"/gp:plan", nil).wantStatus(t, http.StatusOK)

	// So does a reset.
	for range 3600 {
		serve(f.server, taxonomyRequest(t, "PUT", "/gp:plan", url.Values{"description": {"x"}}))
	}
	f.amplitudeForm("PUT", userProperties+"/gp:plan", url.Values{"description": {"y"}}).wantStatus(t, http.StatusTooManyRequests)
	f.control("POST", "/reset", nil).wantStatus(t, http.StatusOK)
	f.amplitude("GET", userProperties, nil).wantStatus(t, http.StatusOK)
}
