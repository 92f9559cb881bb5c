package sandbox_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// clock is a settable Options.Now, so timestamps and rate-limit windows are
// predictable.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

var epoch = time.Date(2026, 3, 4, 5, 6, 7, 500_000_000, time.UTC)

func newClock() *clock { return &clock{now: epoch} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// sandboxFixture is a sandbox behind a real HTTP server, reached the way
// clients reach it. Every answer it gives is checked against the vendor
// APIs' documents in api/; the requests are not, since these tests send
// malformed ones on purpose to see them refused.
type sandboxFixture struct {
	t      *testing.T
	server *sandbox.Server
	http   *httptest.Server
	clock  *clock
}

func start(t *testing.T) *sandboxFixture {
	t.Helper()
	c := newClock()
	s := sandbox.New(sandbox.Options{Now: c.Now})
	ts := httptest.NewServer(contract.Handler(t, s, contract.ResponsesOnly()))
	t.Cleanup(ts.Close)
	return &sandboxFixture{t: t, server: s, http: ts, clock: c}
}

func startWith(t *testing.T, opts sandbox.Options, c *clock) *sandboxFixture {
	t.Helper()
	s, err := sandbox.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(contract.Handler(t, s, contract.ResponsesOnly()))
	t.Cleanup(ts.Close)
	return &sandboxFixture{t: t, server: s, http: ts, clock: c}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// send makes a request and fails the test on a transport error.
func (f *sandboxFixture) send(method, path string, body any, auth func(*http.Request)) response {
	f.t.Helper()
	resp, err := f.try(method, path, body, auth)
	if err != nil {
		f.t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

func (f *sandboxFixture) try(method, path string, body any, auth func(*http.Request)) (response, error) {
	f.t.Helper()
	var reader io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		reader = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(f.t.Context(), method, f.http.URL+path, reader)
	if err != nil {
		f.t.Fatal(err)
	}
	if reader != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth != nil {
		auth(req)
	}
	resp, err := f.http.Client().Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return response{}, err
	}
	return response{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

func amplitudeAuth(req *http.Request) {
	req.SetBasicAuth(sandbox.AmplitudeAPIKey, sandbox.AmplitudeSecretKey)
}

func bearer(key string) func(*http.Request) {
	return func(req *http.Request) { req.Header.Set("Authorization", "Bearer "+key) }
}

// amplitude calls the Amplitude API with the project's credentials.
func (f *sandboxFixture) amplitude(method, path string, body any) response {
	f.t.Helper()
	return f.send(method, "/amplitude"+path, body, amplitudeAuth)
}

// braze calls the Braze API with key.
func (f *sandboxFixture) braze(key, method, path string, body any) response {
	f.t.Helper()
	return f.send(method, "/braze"+path, body, bearer(key))
}

func (f *sandboxFixture) control(method, path string, body any) response {
	f.t.Helper()
	return f.send(method, "/_sandbox"+path, body, nil)
}

// amplitudeBody is every Amplitude answer: success with data, or errors.
type amplitudeBody struct {
	Success    bool            `json:"success"`
	Data       json.RawMessage `json:"data"`
	NextCursor *string         `json:"next_cursor"`
	Errors     []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (r response) amplitude(t *testing.T) amplitudeBody {
	t.Helper()
	var b amplitudeBody
	if err := json.Unmarshal(r.body, &b); err != nil {
		t.Fatalf("body %s: %v", r.body, err)
	}
	return b
}

// object decodes an Amplitude answer's data as a JSON object.
func (r response) object(t *testing.T) map[string]any {
	t.Helper()
	b := r.amplitude(t)
	var m map[string]any
	if err := json.Unmarshal(b.Data, &m); err != nil {
		t.Fatalf("data of %s: %v", r.body, err)
	}
	return m
}

type brazeBody struct {
	Message string           `json:"message"`
	Errors  []string         `json:"errors"`
	APIKey  map[string]any   `json:"api_key"`
	APIKeys []map[string]any `json:"api_keys"`
}

func (r response) braze(t *testing.T) brazeBody {
	t.Helper()
	var b brazeBody
	if err := json.Unmarshal(r.body, &b); err != nil {
		t.Fatalf("body %s: %v", r.body, err)
	}
	return b
}

func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body %s: %v", r.body, err)
	}
}

func (r response) wantStatus(t *testing.T, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status %d, want %d; body %s", r.status, want, r.body)
	}
}

// wantAmplitudeError checks Amplitude's error shape and that one message
// contains want.
func (r response) wantAmplitudeError(t *testing.T, status int, want string) {
	t.Helper()
	r.wantStatus(t, status)
	b := r.amplitude(t)
	if b.Success {
		t.Fatalf("success is true in an error: %s", r.body)
	}
	for _, e := range b.Errors {
		if strings.Contains(e.Message, want) {
			return
		}
	}
	t.Fatalf("no error message contains %q: %s", want, r.body)
}

func (r response) wantBrazeError(t *testing.T, status int, want string) {
	t.Helper()
	r.wantStatus(t, status)
	b := r.braze(t)
	if !strings.Contains(b.Message, want) {
		t.Fatalf("message %q does not contain %q", b.Message, want)
	}
	if b.Errors == nil {
		t.Fatalf("errors missing from Braze error body %s", r.body)
	}
}

// developerAuth sends token the way Amplitude's CLI sends a PAT.
func developerAuth(token string) func(*http.Request) {
	return func(req *http.Request) { req.Header.Set("Authorization", "Bearer PAT="+token) }
}

// developer calls the Developer API with the admin token; path starts with
// /v1.
func (f *sandboxFixture) developer(method, path string, body any) response {
	f.t.Helper()
	return f.send(method, sandbox.DeveloperAPIPath+path, body, developerAuth(sandbox.DeveloperAPIAdminToken))
}

// The sandbox project's Developer API collections.
const (
	projectPath        = "/v1/projects/" + sandbox.AmplitudeProjectID
	destinationsPath   = projectPath + "/destinations"
	eventsPath         = projectPath + "/events"
	userPropertiesPath = projectPath + "/user-properties"
)

func eventPath(eventType string) string {
	return eventsPath + "/" + url.PathEscape(eventType)
}

func eventPropertiesPath(eventType string) string {
	return eventPath(eventType) + "/event-properties"
}

var keys atomic.Int64

// newKey is a fresh Idempotency-Key.
func newKey() string {
	return fmt.Sprintf("test-key-%06d", keys.Add(1))
}

// write makes a taxonomy write with the admin token and a fresh
// Idempotency-Key.
func (f *sandboxFixture) write(method, path string, body any) response {
	f.t.Helper()
	return f.writeAs(sandbox.DeveloperAPIAdminToken, newKey(), method, path, body)
}

// writeAs makes a taxonomy write with token and key.
func (f *sandboxFixture) writeAs(token, key, method, path string, body any) response {
	f.t.Helper()
	return f.send(method, sandbox.DeveloperAPIPath+path, body, withKey(token, key))
}

func withKey(token, key string) func(*http.Request) {
	return func(req *http.Request) {
		developerAuth(token)(req)
		req.Header.Set("Idempotency-Key", key)
	}
}

// brazeStream is a valid braze event-streaming destination body, sending
// events and users.
func brazeStream(name string) map[string]any {
	return map[string]any{
		"partner":      "braze",
		"display_name": name,
		"kind":         []any{"event", "identify"},
		"config": map[string]any{
			"api_endpoint":    "https://rest.iad-05.braze.com",
			"api_key":         sandbox.BrazeAdminKey,
			"app_id":          sandbox.BrazeAppID,
			"user_id_mapping": map[string]any{"amplitude_property": "user_id", "braze_identifier": "external_id"},
		},
		"event_filter": map[string]any{
			"events": []any{"Purchase"},
			"property_filters": map[string]any{"conditions": []any{
				map[string]any{"property": "country", "operator": "is", "values": []any{"US"}},
			}},
		},
		"property_mappings": map[string]any{"event_properties": []any{"price"}, "user_properties": []any{"plan"}},
	}
}

// brazeCohorts is a valid braze cohort destination body.
func brazeCohorts(name string) map[string]any {
	return map[string]any{
		"partner":      "braze",
		"display_name": name,
		"kind":         []any{"cohort"},
		"config": map[string]any{
			"api_endpoint":    "https://rest.fra-01.braze.eu",
			"data_import_key": "import-key-1234",
			"identifier_mappings": []any{
				map[string]any{"amplitude_property": "user_id", "braze_identifier": "external_id"},
				map[string]any{"amplitude_property": "device_id", "braze_identifier": "device_id"},
			},
		},
	}
}

// webhook is a valid webhook destination body, kind left to inference.
func webhook(name string) map[string]any {
	return map[string]any{
		"partner":      "webhook",
		"display_name": name,
		"config": map[string]any{
			"url":        "https://hooks.example.com/amplitude",
			"headers":    map[string]any{"X-Team": "growth"},
			"auth_token": "hook-secret-5678",
			"batch_size": 100,
			"format":     "ndjson",
		},
	}
}

// problem is a Developer API error body.
type problem struct {
	Type              string `json:"type"`
	Title             string `json:"title"`
	Status            int    `json:"status"`
	Detail            string `json:"detail"`
	Instance          string `json:"instance"`
	ErrorCode         string `json:"error_code"`
	Retryable         bool   `json:"retryable"`
	RetryAfterSeconds *int   `json:"retry_after_seconds"`
	ValidationErrors  []struct {
		Field   string `json:"field"`
		Message string `json:"message"`
		Code    string `json:"code"`
	} `json:"validation_errors"`
}

// wantProblem checks a problem document: status, content type, error code
// and that the detail contains detail.
func (r response) wantProblem(t *testing.T, status int, code, detail string) problem {
	t.Helper()
	r.wantStatus(t, status)
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p problem
	r.decode(t, &p)
	slug := strings.ReplaceAll(code, "_", "-")
	if code == "insufficient_scope" {
		slug = "forbidden" // The vendor's type for a missing scope.
	}
	if p.Status != status || p.ErrorCode != code || p.Title == "" || p.Instance == "" ||
		p.Type != "https://developer-api.amplitude.com/problems/"+slug {
		t.Errorf("problem %s, want status %d and error_code %s", r.body, status, code)
	}
	if !strings.Contains(p.Detail, detail) {
		t.Errorf("detail %q does not contain %q", p.Detail, detail)
	}
	return p
}

// wantFieldProblem checks a problem that locates one problem at field, with
// code, among its validation errors.
func (r response) wantFieldProblem(t *testing.T, status int, field, code, message string) {
	t.Helper()
	errorCode := map[int]string{http.StatusBadRequest: "validation_error", http.StatusUnprocessableEntity: "invalid_config"}[status]
	p := r.wantProblem(t, status, errorCode, "")
	for _, v := range p.ValidationErrors {
		if v.Field == field && v.Code == code && strings.Contains(v.Message, message) {
			return
		}
	}
	t.Errorf("no validation error at %s with code %s and message %q: %s", field, code, message, r.body)
}

// data decodes a Developer API answer's data as an object.
func (r response) data(t *testing.T) map[string]any {
	t.Helper()
	var body struct {
		Data map[string]any `json:"data"`
	}
	r.decode(t, &body)
	if body.Data == nil {
		t.Fatalf("no data object in %s", r.body)
	}
	return body.Data
}

// developerPage is a page of a Developer API list.
type developerPage struct {
	Data       []map[string]any `json:"data"`
	Pagination struct {
		NextCursor *string `json:"next_cursor"`
		HasMore    bool    `json:"has_more"`
	} `json:"pagination"`
}

func (r response) page(t *testing.T) developerPage {
	t.Helper()
	r.wantStatus(t, http.StatusOK)
	var p developerPage
	r.decode(t, &p)
	if p.Pagination.HasMore != (p.Pagination.NextCursor != nil) {
		t.Errorf("has_more %v with next_cursor %v", p.Pagination.HasMore, p.Pagination.NextCursor)
	}
	return p
}

// absent, as a value for set, removes the field.
var absent = &struct{}{}

// set changes the field at a dotted path of a JSON body built from maps.
func set(body map[string]any, path string, value any) map[string]any {
	m := body
	keys := strings.Split(path, ".")
	for _, k := range keys[:len(keys)-1] {
		m = m[k].(map[string]any)
	}
	last := keys[len(keys)-1]
	if value == absent {
		delete(m, last)
	} else {
		m[last] = value
	}
	return body
}

// createKey creates a Braze REST key with the admin key and returns its id
// and secret.
func (f *sandboxFixture) createKey(permissions []string, allowedIPs []string) (id, secret string) {
	f.t.Helper()
	r := f.braze(sandbox.BrazeAdminKey, "POST", "/api_keys/create", map[string]any{
		"name": "test key", "permissions": permissions, "allowed_ips": allowedIPs,
	})
	r.wantStatus(f.t, http.StatusOK)
	k := r.braze(f.t).APIKey
	return k["id"].(string), k["key"].(string)
}

// createDestination creates a destination and returns it as answered.
func (f *sandboxFixture) createDestination(body map[string]any) map[string]any {
	f.t.Helper()
	r := f.developer("POST", destinationsPath, body)
	r.wantStatus(f.t, http.StatusCreated)
	return r.data(f.t)
}

func (f *sandboxFixture) getDestination(id string) map[string]any {
	f.t.Helper()
	r := f.developer("GET", destinationsPath+"/"+id, nil)
	r.wantStatus(f.t, http.StatusOK)
	return r.data(f.t)
}

func contains(s, substr string) bool { return strings.Contains(s, substr) }

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// objectID reads data.id without a *testing.T, for use off the test
// goroutine.
func (r response) objectID() (string, error) {
	var body struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	err := json.Unmarshal(r.body, &body)
	return body.Data.ID, err
}

// syncBody is a sync create or replace body.
func syncBody(kind, sourceID, destinationID, cadence string) map[string]any {
	return map[string]any{"kind": kind, "source_id": sourceID, "destination_id": destinationID, "cadence": cadence}
}

func (f *sandboxFixture) createSync(body map[string]any) map[string]any {
	f.t.Helper()
	r := f.amplitude("POST", "/api/2/syncs", body)
	r.wantStatus(f.t, http.StatusOK)
	return r.object(f.t)
}

func (f *sandboxFixture) getSync(id string) map[string]any {
	f.t.Helper()
	r := f.amplitude("GET", "/api/2/syncs/"+id, nil)
	r.wantStatus(f.t, http.StatusOK)
	return r.object(f.t)
}

// destinations creates a braze event stream and a braze cohort destination
// and returns their ids.
func (f *sandboxFixture) destinations() (stream, cohorts string) {
	f.t.Helper()
	return f.createDestination(brazeStream("stream"))["id"].(string),
		f.createDestination(brazeCohorts("cohorts"))["id"].(string)
}

// customAttributeNames reads every page of the Braze export.
func (f *sandboxFixture) customAttributeNames() []string {
	f.t.Helper()
	var names []string
	path := "/custom_attributes"
	for {
		r := f.braze(sandbox.BrazeAdminKey, "GET", path, nil)
		r.wantStatus(f.t, http.StatusOK)
		var body struct {
			Attributes []struct {
				Name string `json:"name"`
			} `json:"attributes"`
		}
		r.decode(f.t, &body)
		for _, a := range body.Attributes {
			names = append(names, a.Name)
		}
		next, ok := linkRel(r.header.Get("Link"), "next")
		if !ok {
			return names
		}
		path = strings.TrimPrefix(next, "/braze")
	}
}

// linkRel finds the URL of rel in a Link header of Braze's format.
func linkRel(header, rel string) (string, bool) {
	for _, entry := range strings.Split(header, ",") {
		target, params, ok := strings.Cut(entry, ">; ")
		if ok && params == `rel="`+rel+`"` {
			return strings.TrimPrefix(target, "<"), true
		}
	}
	return "", false
}

func wantString(t *testing.T, obj map[string]any, field string, want any) {
	t.Helper()
	if obj[field] != want {
		t.Errorf("%s = %#v, want %#v (in %v)", field, obj[field], want, obj)
	}
}
