// Package sandboxtest is what the sandbox's own tests share: a sandbox
// behind a real HTTP server, opened as package sandbox opens it for
// everyone, a settable clock, and helpers that call each vendor API the way
// clients do and check the answers in each vendor's shapes. Only tests
// import it.
package sandboxtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/amplitudeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
)

// Epoch is where a fixture's clock starts: 2026-03-04 05:06:07.5 UTC.
var Epoch = time.Date(2026, 3, 4, 5, 6, 7, 500_000_000, time.UTC)

// NewClock is a settable Options.Now at Epoch, so timestamps and rate-limit
// windows are predictable.
func NewClock() *testclock.Clock { return testclock.New(Epoch) }

// Fixture is a sandbox behind a real HTTP server, reached the way
// clients reach it. Every answer it gives is checked against the vendor
// APIs' documents in api/; the requests are not, since these tests send
// malformed ones on purpose to see them refused.
type Fixture struct {
	T     *testing.T
	HTTP  *httptest.Server
	Clock *testclock.Clock
	// Sandbox is the core the APIs are served on; Parts are all of them,
	// for the tests that reach into one.
	Sandbox *core.Sandbox
	Parts   sandbox.Parts
}

// Start serves a fresh sandbox on a clock at Epoch.
func Start(t *testing.T) *Fixture {
	t.Helper()
	c := NewClock()
	return StartWith(t, core.Options{Now: c.Now}, c)
}

// StartWith serves a sandbox with opts, whose Now is c's.
func StartWith(t *testing.T, opts core.Options, c *testclock.Clock) *Fixture {
	t.Helper()
	s, err := sandbox.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	f := &Fixture{T: t, Clock: c, Sandbox: s.Parts().Core, Parts: s.Parts()}
	f.HTTP = httptest.NewServer(contract.Handler(t, s, contract.ResponsesOnly()))
	t.Cleanup(f.HTTP.Close)
	return f
}

// Response is an answer, read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Send makes a request and fails the test on a transport error.
func (f *Fixture) Send(method, path string, body any, auth func(*http.Request)) Response {
	f.T.Helper()
	resp, err := f.Try(method, path, body, auth)
	if err != nil {
		f.T.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

func (f *Fixture) Try(method, path string, body any, auth func(*http.Request)) (Response, error) {
	f.T.Helper()
	var reader io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		reader = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			f.T.Fatal(err)
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(f.T.Context(), method, f.HTTP.URL+path, reader)
	if err != nil {
		f.T.Fatal(err)
	}
	if reader != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth != nil {
		auth(req)
	}
	resp, err := f.HTTP.Client().Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return Response{}, err
	}
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

func AmplitudeAuth(req *http.Request) {
	req.SetBasicAuth(amplitudeapi.APIKey, amplitudeapi.SecretKey)
}

func Bearer(key string) func(*http.Request) {
	return func(req *http.Request) { req.Header.Set("Authorization", "Bearer "+key) }
}

// Amplitude calls the Amplitude API with the project's credentials.
func (f *Fixture) Amplitude(method, path string, body any) Response {
	f.T.Helper()
	return f.Send(method, amplitudeapi.Path+path, body, AmplitudeAuth)
}

// Braze calls the Braze API with key.
func (f *Fixture) Braze(key, method, path string, body any) Response {
	f.T.Helper()
	return f.Send(method, brazeapi.Path+path, body, Bearer(key))
}

func (f *Fixture) Control(method, path string, body any) Response {
	f.T.Helper()
	return f.Send(method, "/_sandbox"+path, body, nil)
}

// AmplitudeBody is every Amplitude answer: success with data, or errors.
type AmplitudeBody struct {
	Success    bool            `json:"success"`
	Data       json.RawMessage `json:"data"`
	NextCursor *string         `json:"next_cursor"`
	Errors     []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (r Response) Amplitude(t *testing.T) AmplitudeBody {
	t.Helper()
	var b AmplitudeBody
	if err := json.Unmarshal(r.Body, &b); err != nil {
		t.Fatalf("body %s: %v", r.Body, err)
	}
	return b
}

// Object decodes an Amplitude answer's data as a JSON object.
func (r Response) Object(t *testing.T) map[string]any {
	t.Helper()
	b := r.Amplitude(t)
	var m map[string]any
	if err := json.Unmarshal(b.Data, &m); err != nil {
		t.Fatalf("data of %s: %v", r.Body, err)
	}
	return m
}

type BrazeBody struct {
	Message string           `json:"message"`
	Errors  []string         `json:"errors"`
	APIKey  map[string]any   `json:"api_key"`
	APIKeys []map[string]any `json:"api_keys"`
}

func (r Response) Braze(t *testing.T) BrazeBody {
	t.Helper()
	var b BrazeBody
	if err := json.Unmarshal(r.Body, &b); err != nil {
		t.Fatalf("body %s: %v", r.Body, err)
	}
	return b
}

func (r Response) Decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("body %s: %v", r.Body, err)
	}
}

func (r Response) WantStatus(t *testing.T, want int) {
	t.Helper()
	if r.Status != want {
		t.Fatalf("status %d, want %d; body %s", r.Status, want, r.Body)
	}
}

// WantAmplitudeError checks Amplitude's error shape and that one message
// contains want.
func (r Response) WantAmplitudeError(t *testing.T, status int, want string) {
	t.Helper()
	r.WantStatus(t, status)
	b := r.Amplitude(t)
	if b.Success {
		t.Fatalf("success is true in an error: %s", r.Body)
	}
	for _, e := range b.Errors {
		if strings.Contains(e.Message, want) {
			return
		}
	}
	t.Fatalf("no error message contains %q: %s", want, r.Body)
}

func (r Response) WantBrazeError(t *testing.T, status int, want string) {
	t.Helper()
	r.WantStatus(t, status)
	b := r.Braze(t)
	if !strings.Contains(b.Message, want) {
		t.Fatalf("message %q does not contain %q", b.Message, want)
	}
	if b.Errors == nil {
		t.Fatalf("errors missing from Braze error body %s", r.Body)
	}
}

// DeveloperAuth sends token the way Amplitude's CLI sends a PAT.
func DeveloperAuth(token string) func(*http.Request) {
	return func(req *http.Request) { req.Header.Set("Authorization", "Bearer PAT="+token) }
}

// Developer calls the Developer API with the admin token; path starts with
// /v1.
func (f *Fixture) Developer(method, path string, body any) Response {
	f.T.Helper()
	return f.Send(method, developerapi.Path+path, body, DeveloperAuth(developerapi.AdminToken))
}

// The sandbox project's Developer API collections.
const (
	ProjectPath        = "/v1/projects/" + developerapi.ProjectID
	DestinationsPath   = ProjectPath + "/destinations"
	EventsPath         = ProjectPath + "/events"
	UserPropertiesPath = ProjectPath + "/user-properties"
)

func EventPath(eventType string) string {
	return EventsPath + "/" + url.PathEscape(eventType)
}

func EventPropertiesPath(eventType string) string {
	return EventPath(eventType) + "/event-properties"
}

var keys atomic.Int64

// NewKey is a fresh Idempotency-Key.
func NewKey() string {
	return fmt.Sprintf("test-key-%06d", keys.Add(1))
}

// Write makes a taxonomy write with the admin token and a fresh
// Idempotency-Key.
func (f *Fixture) Write(method, path string, body any) Response {
	f.T.Helper()
	return f.WriteAs(developerapi.AdminToken, NewKey(), method, path, body)
}

// WriteAs makes a taxonomy write with token and key.
func (f *Fixture) WriteAs(token, key, method, path string, body any) Response {
	f.T.Helper()
	return f.Send(method, developerapi.Path+path, body, WithKey(token, key))
}

func WithKey(token, key string) func(*http.Request) {
	return func(req *http.Request) {
		DeveloperAuth(token)(req)
		req.Header.Set("Idempotency-Key", key)
	}
}

// BrazeStream is a valid braze event-streaming destination body, sending
// events and users.
func BrazeStream(name string) map[string]any {
	return map[string]any{
		"partner":      "braze",
		"display_name": name,
		"kind":         []any{"event", "identify"},
		"config": map[string]any{
			"api_endpoint":    "https://rest.iad-05.braze.com",
			"api_key":         brazeapi.AdminKey,
			"app_id":          brazeapi.AppID,
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

// BrazeCohorts is a valid braze cohort destination body.
func BrazeCohorts(name string) map[string]any {
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

// Webhook is a valid Webhook destination body, kind left to inference.
func Webhook(name string) map[string]any {
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

// Problem is a Developer API error body.
type Problem struct {
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

// WantProblem checks a Problem document: status, content type, error code
// and that the detail contains detail.
func (r Response) WantProblem(t *testing.T, status int, code, detail string) Problem {
	t.Helper()
	r.WantStatus(t, status)
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p Problem
	r.Decode(t, &p)
	slug := strings.ReplaceAll(code, "_", "-")
	if code == "insufficient_scope" {
		slug = "forbidden" // The vendor's type for a missing scope.
	}
	if p.Status != status || p.ErrorCode != code || p.Title == "" || p.Instance == "" ||
		p.Type != "https://developer-api.amplitude.com/problems/"+slug {
		t.Errorf("problem %s, want status %d and error_code %s", r.Body, status, code)
	}
	if !strings.Contains(p.Detail, detail) {
		t.Errorf("detail %q does not contain %q", p.Detail, detail)
	}
	return p
}

// WantFieldProblem checks that the answer is a Problem whose validation
// errors include one at field, with code and a message containing message.
func (r Response) WantFieldProblem(t *testing.T, status int, field, code, message string) {
	t.Helper()
	errorCode := map[int]string{http.StatusBadRequest: "validation_error", http.StatusUnprocessableEntity: "invalid_config"}[status]
	p := r.WantProblem(t, status, errorCode, "")
	for _, v := range p.ValidationErrors {
		if v.Field == field && v.Code == code && strings.Contains(v.Message, message) {
			return
		}
	}
	t.Errorf("no validation error at %s with code %s and message %q: %s", field, code, message, r.Body)
}

// Data decodes a Developer API answer's data as an object.
func (r Response) Data(t *testing.T) map[string]any {
	t.Helper()
	var body struct {
		Data map[string]any `json:"data"`
	}
	r.Decode(t, &body)
	if body.Data == nil {
		t.Fatalf("no data object in %s", r.Body)
	}
	return body.Data
}

// DeveloperPage is a page of a Developer API list.
type DeveloperPage struct {
	Data       []map[string]any `json:"data"`
	Pagination struct {
		NextCursor *string `json:"next_cursor"`
		HasMore    bool    `json:"has_more"`
	} `json:"pagination"`
}

func (r Response) Page(t *testing.T) DeveloperPage {
	t.Helper()
	r.WantStatus(t, http.StatusOK)
	var p DeveloperPage
	r.Decode(t, &p)
	if p.Pagination.HasMore != (p.Pagination.NextCursor != nil) {
		t.Errorf("has_more %v with next_cursor %v", p.Pagination.HasMore, p.Pagination.NextCursor)
	}
	return p
}

// Absent, as a value for Set, removes the field.
var Absent = &struct{}{}

// Set changes the field at a dotted path of a JSON body built from maps.
func Set(body map[string]any, path string, value any) map[string]any {
	m := body
	keys := strings.Split(path, ".")
	for _, k := range keys[:len(keys)-1] {
		m = m[k].(map[string]any)
	}
	last := keys[len(keys)-1]
	if value == Absent {
		delete(m, last)
	} else {
		m[last] = value
	}
	return body
}

// CreateKey creates a Braze REST key with the admin key and returns its id
// and secret.
func (f *Fixture) CreateKey(permissions []string, allowedIPs []string) (id, secret string) {
	f.T.Helper()
	r := f.Braze(brazeapi.AdminKey, "POST", "/api_keys/create", map[string]any{
		"name": "test key", "permissions": permissions, "allowed_ips": append([]string{}, allowedIPs...),
	})
	r.WantStatus(f.T, http.StatusOK)
	k := r.Braze(f.T).APIKey
	return k["id"].(string), k["key"].(string)
}

// CreateDestination creates a destination and returns it as answered.
func (f *Fixture) CreateDestination(body map[string]any) map[string]any {
	f.T.Helper()
	r := f.Developer("POST", DestinationsPath, body)
	r.WantStatus(f.T, http.StatusCreated)
	return r.Data(f.T)
}

func (f *Fixture) GetDestination(id string) map[string]any {
	f.T.Helper()
	r := f.Developer("GET", DestinationsPath+"/"+id, nil)
	r.WantStatus(f.T, http.StatusOK)
	return r.Data(f.T)
}

// WantJSON checks that body holds the JSON value want, whatever the order
// of its objects' members.
func WantJSON(t *testing.T, body []byte, want string) {
	t.Helper()
	var got, wanted any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("body %s: %v", body, err)
	}
	if err := json.Unmarshal([]byte(want), &wanted); err != nil {
		t.Fatal(err)
	}
	if MustJSON(t, got) != MustJSON(t, wanted) {
		t.Errorf("body\n%s\nwant\n%s", body, want)
	}
}

func MustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ObjectID reads data.id without a *testing.T, for use off the test
// goroutine.
func (r Response) ObjectID() (string, error) {
	var body struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	err := json.Unmarshal(r.Body, &body)
	return body.Data.ID, err
}

// SyncBody is a sync create or replace body.
func SyncBody(kind, sourceID, destinationID, cadence string) map[string]any {
	return map[string]any{"kind": kind, "source_id": sourceID, "destination_id": destinationID, "cadence": cadence}
}

func (f *Fixture) CreateSync(body map[string]any) map[string]any {
	f.T.Helper()
	r := f.Amplitude("POST", "/api/2/syncs", body)
	r.WantStatus(f.T, http.StatusOK)
	return r.Object(f.T)
}

func (f *Fixture) GetSync(id string) map[string]any {
	f.T.Helper()
	r := f.Amplitude("GET", "/api/2/syncs/"+id, nil)
	r.WantStatus(f.T, http.StatusOK)
	return r.Object(f.T)
}

// Destinations creates a braze event stream and a braze cohort destination
// and returns their ids.
func (f *Fixture) Destinations() (stream, cohorts string) {
	f.T.Helper()
	return f.CreateDestination(BrazeStream("stream"))["id"].(string),
		f.CreateDestination(BrazeCohorts("cohorts"))["id"].(string)
}

// CustomAttributeNames reads every page of the Braze export.
func (f *Fixture) CustomAttributeNames() []string {
	f.T.Helper()
	var names []string
	path := "/custom_attributes"
	for {
		r := f.Braze(brazeapi.AdminKey, "GET", path, nil)
		r.WantStatus(f.T, http.StatusOK)
		var body struct {
			Attributes []struct {
				Name string `json:"name"`
			} `json:"attributes"`
		}
		r.Decode(f.T, &body)
		for _, a := range body.Attributes {
			names = append(names, a.Name)
		}
		next, ok := LinkRel(r.Header.Get("Link"), "next")
		if !ok {
			return names
		}
		path = strings.TrimPrefix(next, "/braze")
	}
}

// LinkRel finds the URL of rel in a Link header of Braze's format.
func LinkRel(header, rel string) (string, bool) {
	for _, entry := range strings.Split(header, ",") {
		target, params, ok := strings.Cut(entry, ">; ")
		if ok && params == `rel="`+rel+`"` {
			return strings.TrimPrefix(target, "<"), true
		}
	}
	return "", false
}

func WantString(t *testing.T, obj map[string]any, field string, want any) {
	t.Helper()
	if obj[field] != want {
		t.Errorf("%s = %#v, want %#v (in %v)", field, obj[field], want, obj)
	}
}

// CustomAttributesBody is the answer of Braze's GET /custom_attributes.
type CustomAttributesBody struct {
	Message    string           `json:"message"`
	Attributes []map[string]any `json:"attributes"`
}

// AddAttributes adds Braze custom attributes through the control
// endpoint, and returns its answer.
func (f *Fixture) AddAttributes(body any) map[string]int {
	f.T.Helper()
	r := f.Control("POST", "/custom_attributes", body)
	r.WantStatus(f.T, http.StatusOK)
	var got map[string]int
	r.Decode(f.T, &got)
	return got
}

// CustomEventsBody is the answer of Braze's GET /events.
type CustomEventsBody struct {
	Message string           `json:"message"`
	Events  []map[string]any `json:"events"`
}

// SegmentsBody is the answer of Braze's GET /segments/list.
type SegmentsBody struct {
	Message  string           `json:"message"`
	Segments []map[string]any `json:"segments"`
}

// Segments lists Braze's segments with the admin key; query starts with
// "?" or is empty.
func (f *Fixture) Segments(query string) SegmentsBody {
	f.T.Helper()
	r := f.Braze(brazeapi.AdminKey, "GET", "/segments/list"+query, nil)
	r.WantStatus(f.T, http.StatusOK)
	var body SegmentsBody
	r.Decode(f.T, &body)
	if body.Message != "success" || body.Segments == nil {
		f.T.Fatalf("body %s", r.Body)
	}
	return body
}

// AddSegments adds Braze segments through the control endpoint, and
// returns its answer.
func (f *Fixture) AddSegments(body any) map[string]int {
	f.T.Helper()
	r := f.Control("POST", "/segments", body)
	r.WantStatus(f.T, http.StatusOK)
	var got map[string]int
	r.Decode(f.T, &got)
	return got
}
