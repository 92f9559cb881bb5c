package contract

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// reports collects what a Checker reports.
type reports struct {
	mu    sync.Mutex
	lines []string
}

func (r *reports) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lines = append(r.lines, fmt.Sprintf(format, args...))
}

func (r *reports) all() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.lines, "\n")
}

// answer is a canned vendor answer.
type answer struct {
	status      int
	contentType string
	header      map[string]string
	body        string
}

func (a answer) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	for k, v := range a.header {
		w.Header().Set(k, v)
	}
	if a.contentType != "" {
		w.Header().Set("Content-Type", a.contentType)
	}
	w.WriteHeader(a.status)
	_, _ = w.Write([]byte(a.body))
}

type exchange struct {
	method, path, body string
	header             map[string]string
}

// run sends one exchange through a Checker in front of next.
func run(t *testing.T, next http.Handler, ex exchange, opts ...Option) string {
	t.Helper()
	var r reports
	server := httptest.NewServer(Handler(&r, next, opts...))
	defer server.Close()
	req, err := http.NewRequestWithContext(t.Context(), ex.method, server.URL+ex.path, strings.NewReader(ex.body))
	if err != nil {
		t.Fatal(err)
	}
	if ex.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range ex.header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := server.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return r.all()
}

const (
	bearer = "Bearer PAT=amp_sandbox_admin"
	basic  = "Basic c2FuZGJveC1hcGkta2V5OnNhbmRib3gtc2VjcmV0LWtleQ=="

	destinationJSON = `{"id": "d1", "object": "destination", "project_id": "424242", "partner": "braze",
		"display_name": "stream", "kind": ["event"], "config": {}, "credential_status": "connected", "version": 1,
		"created_at": "2026-03-04T05:06:07Z", "updated_at": "2026-03-04T05:06:07Z"}`
)

var created = answer{status: http.StatusCreated, contentType: "application/json", body: `{"data": ` + destinationJSON + `}`}

func brazeAnswer(status int, body string) answer {
	return answer{status: status, contentType: "application/json", body: body,
		header: map[string]string{"X-RateLimit-Limit": "250000", "X-RateLimit-Remaining": "249999", "X-RateLimit-Reset": "1772600000"}}
}

func wantReport(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("reports:\n%s\nwant one with %q", got, w)
		}
	}
}

func wantNoReport(t *testing.T, got string) {
	t.Helper()
	if got != "" {
		t.Errorf("reports:\n%s\nwant none", got)
	}
}

func TestAnExchangeInTheContractPasses(t *testing.T) {
	got := run(t, created, exchange{
		method: "POST", path: "/developer-api/v1/projects/424242/destinations",
		body:   `{"partner": "braze", "display_name": "stream", "kind": ["event"], "config": {"api_key": "k"}}`,
		header: map[string]string{"Authorization": bearer},
	})
	wantNoReport(t, got)
}

// A renamed request field names the document, the operation and the field.
func TestARenamedRequestFieldIsReported(t *testing.T) {
	got := run(t, created, exchange{
		method: "POST", path: "/developer-api/v1/projects/424242/destinations",
		body:   `{"partner": "braze", "name": "stream"}`,
		header: map[string]string{"Authorization": bearer},
	})
	wantReport(t, got,
		"api/amplitude-developer.openapi.yaml, createDestination (POST /v1/projects/{project_id}/destinations)",
		`request body field display_name: property "display_name" is missing`,
		`request body: property "name" is unsupported`)
}

// A renamed or mistyped answer field names the operation and the field.
func TestARenamedResponseFieldIsReported(t *testing.T) {
	renamed := answer{status: http.StatusOK, contentType: "application/json",
		body: `{"data": ` + strings.Replace(destinationJSON, `"display_name"`, `"displayName"`, 1) + `}`}
	got := run(t, renamed, exchange{method: "GET", path: "/developer-api/v1/projects/424242/destinations/d1",
		header: map[string]string{"Authorization": bearer}})
	wantReport(t, got,
		"getDestination (GET /v1/projects/{project_id}/destinations/{id})",
		`response 200 body doesn't match schema #/components/schemas/DestinationEnvelope field data.display_name: property "display_name" is missing`,
		`field data: property "displayName" is unsupported`)

	mistyped := answer{status: http.StatusOK, contentType: "application/json",
		body: `{"data": ` + strings.Replace(destinationJSON, `"version": 1`, `"version": "1"`, 1) + `}`}
	got = run(t, mistyped, exchange{method: "GET", path: "/developer-api/v1/projects/424242/destinations/d1",
		header: map[string]string{"Authorization": bearer}})
	wantReport(t, got, `field data.version: value must be an integer`)
}

func TestAStatusTheOperationDoesNotDeclareIsReported(t *testing.T) {
	got := run(t, answer{status: http.StatusConflict, contentType: "application/problem+json",
		body: `{"type": "t", "title": "Conflict", "status": 409, "error_code": "conflict", "retryable": false}`},
		exchange{method: "GET", path: "/developer-api/v1/context", header: map[string]string{"Authorization": bearer}})
	wantReport(t, got, "getContext (GET /v1/context)", "response 409 status is not supported")
}

func TestAnErrorOutOfTheVendorsShapeIsReported(t *testing.T) {
	got := run(t, answer{status: http.StatusNotFound, contentType: "application/json", body: `{"error": "no"}`},
		exchange{method: "GET", path: "/developer-api/v1/destination-types/x", header: map[string]string{"Authorization": bearer}})
	wantReport(t, got, "getDestinationType", `response 404 header Content-Type has unexpected value: "application/json"`)

	got = run(t, brazeAnswer(http.StatusNotFound, `{"msg": "no"}`),
		exchange{method: "GET", path: "/braze/api_keys/info?api_key_id=k", header: map[string]string{"Authorization": "Bearer key"}})
	wantReport(t, got, "getAPIKeyInfo", `property "message" is missing`)
}

func TestMissingResponseHeadersAreReported(t *testing.T) {
	got := run(t, answer{status: http.StatusOK, contentType: "application/json", body: `{"message": "success", "api_keys": []}`},
		exchange{method: "GET", path: "/braze/api_keys/list", header: map[string]string{"Authorization": "Bearer key"}})
	// kin-openapi stops at the first header missing.
	wantReport(t, got, "listAPIKeys (GET /api_keys/list)", `response 200 header "X-RateLimit-Limit" missing`)
	wantNoReport(t, run(t, brazeAnswer(http.StatusOK, `{"message": "success", "api_keys": []}`),
		exchange{method: "GET", path: "/braze/api_keys/list", header: map[string]string{"Authorization": "Bearer key"}}))
}

func TestParametersHeadersAndCredentialsAreChecked(t *testing.T) {
	noContent := answer{status: http.StatusNoContent}
	got := run(t, noContent, exchange{method: "DELETE", path: "/developer-api/v1/projects/424242/events/Sign%20Up",
		header: map[string]string{"Authorization": bearer, "Idempotency-Key": "short"}})
	wantReport(t, got, "deleteEvent", `request header parameter "Idempotency-Key"`, "minimum string length is 8")

	got = run(t, noContent, exchange{method: "DELETE", path: "/developer-api/v1/projects/424242/events/Sign%20Up?dry_run=yes",
		header: map[string]string{"Authorization": bearer, "Idempotency-Key": "terraform-0123456789"}})
	wantReport(t, got, `request query parameter "dry_run"`)

	got = run(t, noContent, exchange{method: "DELETE", path: "/developer-api/v1/projects/424242/events/Sign%20Up",
		header: map[string]string{"Idempotency-Key": "terraform-0123456789"}})
	wantReport(t, got, "request credentials", "Bearer")

	got = run(t, brazeAnswer(http.StatusOK, `{"success": true, "data": []}`), exchange{method: "GET", path: "/amplitude/api/2/syncs",
		header: map[string]string{"Authorization": bearer}})
	wantReport(t, got, "listSyncs", "request credentials", "Basic")
}

func TestPathsOutOfTheContract(t *testing.T) {
	notFound := answer{status: http.StatusNotFound, contentType: "application/problem+json",
		body: `{"type": "t", "title": "Not Found", "status": 404, "error_code": "not_found", "retryable": false}`}
	got := run(t, notFound, exchange{method: "GET", path: "/developer-api/v1/flags", header: map[string]string{"Authorization": bearer}})
	wantReport(t, got, "contract api/amplitude-developer.openapi.yaml: GET /developer-api/v1/flags: request: not in the contract")

	got = run(t, notFound, exchange{method: "DELETE", path: "/developer-api/v1/projects/424242/destinations/d1", header: map[string]string{"Authorization": bearer}})
	wantReport(t, got, "no DELETE operation")

	// Responses only: the request is no mistake, the answer must be the
	// API's error.
	wantNoReport(t, run(t, notFound, exchange{method: "GET", path: "/developer-api/v1/flags"}, ResponsesOnly()))
	got = run(t, answer{status: http.StatusNotFound, contentType: "text/plain", body: "404 page not found"},
		exchange{method: "GET", path: "/developer-api/v1/flags"}, ResponsesOnly())
	wantReport(t, got, `response 404: Content-Type "text/plain", want the API's error type application/problem+json`)
	got = run(t, answer{status: http.StatusOK, contentType: "application/json", body: `{}`},
		exchange{method: "GET", path: "/braze/nope"}, ResponsesOnly())
	wantReport(t, got, "a success answer to a request of no operation")
}

func TestResponsesOnlyChecksAnswersAlone(t *testing.T) {
	got := run(t, created, exchange{method: "POST", path: "/developer-api/v1/projects/424242/destinations", body: `{"name": 1}`}, ResponsesOnly())
	wantNoReport(t, got)

	renamed := answer{status: http.StatusCreated, contentType: "application/json", body: `{"data": {}}`}
	got = run(t, renamed, exchange{method: "POST", path: "/developer-api/v1/projects/424242/destinations", body: `{"name": 1}`}, ResponsesOnly())
	wantReport(t, got, `property "display_name" is missing`)

	// An injected fault's status no operation declares: held to the
	// error shape alone.
	teapot := answer{status: http.StatusTeapot, contentType: "application/problem+json",
		body: `{"type": "t", "title": "I'm a teapot", "status": 418, "error_code": "injected_error", "retryable": false}`}
	wantNoReport(t, run(t, teapot, exchange{method: "GET", path: "/developer-api/v1/context"}, ResponsesOnly()))
	teapot.body = `{"status": 418}`
	wantReport(t, run(t, teapot, exchange{method: "GET", path: "/developer-api/v1/context"}, ResponsesOnly()), `property "error_code" is missing`)
}

func TestOffContractChecksAnswersAlone(t *testing.T) {
	var r reports
	checker := Handler(&r, created)
	server := httptest.NewServer(checker)
	defer server.Close()
	send := func() {
		resp, err := server.Client().Post(server.URL+"/developer-api/v1/projects/424242/destinations", "application/json", strings.NewReader(`{"name": 1}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	checker.OffContract(send)
	wantNoReport(t, r.all())
	send()
	wantReport(t, r.all(), "request body")
}

// Control endpoints, paths of no document and requests the sandbox refuses
// for their Host are left alone.
func TestWhatIsNotChecked(t *testing.T) {
	anything := answer{status: http.StatusTeapot, contentType: "text/plain", body: "x"}
	for _, path := range []string{"/_sandbox/health", "/", "/elsewhere/v1/context", "/developer-apis/v1/context"} {
		wantNoReport(t, run(t, anything, exchange{method: "GET", path: path}))
	}
	got := run(t, anything, exchange{method: "GET", path: "/braze/api_keys/list", header: map[string]string{"Host": "attacker.example"}})
	wantNoReport(t, got)
}

// An answer never sent (the drop-response fault cuts the connection) is not
// checked; the request still is.
func TestACutConnectionIsNotAnAnswer(t *testing.T) {
	cut := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		_ = conn.Close()
	})
	var r reports
	server := httptest.NewServer(Handler(&r, cut))
	defer server.Close()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, server.URL+"/developer-api/v1/context", nil)
	req.Header.Set("Authorization", bearer)
	if resp, err := server.Client().Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("the connection was not cut")
	}
	wantNoReport(t, r.all())
}

func TestFormatsAreChecked(t *testing.T) {
	badTime := answer{status: http.StatusOK, contentType: "application/json",
		body: `{"data": ` + strings.Replace(destinationJSON, `"created_at": "2026-03-04T05:06:07Z"`, `"created_at": "yesterday"`, 1) + `}`}
	got := run(t, badTime, exchange{method: "GET", path: "/developer-api/v1/projects/424242/destinations/d1",
		header: map[string]string{"Authorization": bearer}})
	wantReport(t, got, "field data.created_at")
}
