package contract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// Reporter receives the mismatches Handler finds; *testing.T satisfies it.
type Reporter interface {
	Errorf(format string, args ...any)
}

// Option changes what Handler checks.
type Option func(*config)

type config struct {
	requests bool
}

// ResponsesOnly makes Handler check the answers only, not the requests. It
// is for the sandbox's own tests, which send malformed requests on purpose
// to see them refused: those requests break the contract deliberately, but
// the refusals must still be in the vendor's shape. In this mode a request
// to a path or method that no document has is not reported, and neither is
// an error status that the operation does not declare (these tests provoke
// arbitrary statuses with the sandbox's faults). Such answers are only
// checked to have the API's error shape.
func ResponsesOnly() Option {
	return func(c *config) { c.requests = false }
}

// Handler returns next behind the contract: each request under a document's
// prefix is validated against the document (the operation it names, its
// parameters, headers, credentials' form and body), then next answers it,
// and the answer is validated too (its status is one the operation
// declares, with the declared headers and body). Each mismatch is reported
// through r with the document, the operation and the field.
//
// Not validated: the sandbox's control endpoints (/_sandbox/…) and any
// path under no document's prefix; requests not addressed to a loopback
// host, which the sandbox refuses before any vendor emulation; and answers
// never sent (a connection cut by the drop-response fault, a client gone).
func Handler(r Reporter, next http.Handler, opts ...Option) *Checker {
	docs, err := Documents()
	if err != nil {
		// Without the documents every request would pass unchecked, so a
		// document that does not load must stop the tests.
		panic(fmt.Sprintf("contract: %v", err))
	}
	c := config{requests: true}
	for _, opt := range opts {
		opt(&c)
	}
	return &Checker{docs: docs, next: next, report: r, config: c}
}

// Checker is the middleware Handler returns.
type Checker struct {
	docs   []*Document
	next   http.Handler
	report Reporter
	config
	// offContract counts the OffContract calls under way.
	offContract atomic.Int32
}

// OffContract runs fn with requests unchecked, as ResponsesOnly does: for a
// test that sends a request the contract forbids on purpose (a value out of
// an enum, a method the API does not serve) to see how it is refused. The
// answers are still checked.
func (h *Checker) OffContract(fn func()) {
	h.offContract.Add(1)
	defer h.offContract.Add(-1)
	fn()
}

func (h *Checker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	doc := documentFor(h.docs, r.URL.Path)
	if doc == nil || !isLoopbackHost(r.Host) {
		h.next.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		h.next.ServeHTTP(w, r)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))

	c := h.config
	if h.offContract.Load() > 0 {
		c.requests = false
	}
	v := &validation{doc: doc, request: r, requestBody: body}
	v.findRoute()
	if c.requests {
		v.checkRequest()
	}

	rec := &recorder{ResponseWriter: w}
	h.next.ServeHTTP(rec, r)
	if rec.status != 0 {
		v.checkResponse(rec.status, rec.header, rec.body.Bytes(), c)
	}
	for _, m := range v.mismatches {
		h.report.Errorf("%s", m)
	}
}

// validation is one exchange's check.
type validation struct {
	doc         *Document
	request     *http.Request
	requestBody []byte

	route    *routers.Route
	params   map[string]string
	routeErr error

	mismatches []string
}

func (v *validation) options() *openapi3filter.Options {
	return &openapi3filter.Options{
		MultiError:                        true,
		IncludeResponseStatus:             true,
		RejectWhenRequestBodyNotSpecified: true,
		SkipSettingDefaults:               true,
		AuthenticationFunc:                checkCredentialsForm,
	}
}

// copyOf returns a copy of the request with its own reader over the body,
// because kin-openapi consumes the body each time it validates a request.
func (v *validation) copyOf() *http.Request {
	r := v.request.Clone(v.request.Context())
	r.Body = io.NopCloser(bytes.NewReader(v.requestBody))
	return r
}

func (v *validation) findRoute() {
	v.route, v.params, v.routeErr = v.doc.router.FindRoute(v.copyOf())
}

// where names the exchange: the document, the operation when one matched,
// and the request as sent.
func (v *validation) where() string {
	sent := v.request.Method + " " + v.request.URL.Path
	if v.route == nil {
		return fmt.Sprintf("contract %s: %s", v.doc.Name, sent)
	}
	op := v.route.Method + " " + v.route.Path
	if id := v.route.Operation.OperationID; id != "" {
		op = id + " (" + op + ")"
	}
	return fmt.Sprintf("contract %s, %s: %s", v.doc.Name, op, sent)
}

func (v *validation) mismatch(format string, args ...any) {
	v.mismatches = append(v.mismatches, v.where()+": "+fmt.Sprintf(format, args...))
}

func (v *validation) checkRequest() {
	switch {
	case errors.Is(v.routeErr, routers.ErrMethodNotAllowed):
		v.mismatch("request: not in the contract: the document has the path but no %s operation on it", v.request.Method)
		return
	case v.routeErr != nil:
		v.mismatch("request: not in the contract: the document has no such path below %s", v.doc.Prefix)
		return
	}
	input := &openapi3filter.RequestValidationInput{
		Request:    v.copyOf(),
		PathParams: v.params,
		Route:      v.route,
		Options:    v.options(),
	}
	if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
		for _, line := range describe(err) {
			v.mismatch("request %s", line)
		}
	}
}

func (v *validation) checkResponse(status int, header http.Header, body []byte, c config) {
	if v.route == nil {
		v.checkUnroutedResponse(status, header, body, c)
		return
	}
	responses := v.route.Operation.Responses
	if !c.requests && status >= 400 && responses.Status(status) == nil && responses.Default() == nil {
		// Tests of refusals provoke statuses that no operation declares,
		// such as an injected fault's arbitrary status. The answer must
		// still have the API's error shape.
		v.checkErrorShape(status, header, body)
		return
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request:    v.copyOf(),
			PathParams: v.params,
			Route:      v.route,
			Options:    v.options(),
		},
		Status:  status,
		Header:  header,
		Options: v.options(),
	}
	input.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		for _, line := range describe(err) {
			v.mismatch("response %d %s", status, line)
		}
	}
}

// checkUnroutedResponse checks the answer to a request that matches no
// operation. A vendor answers an unknown path or method with its usual
// error, never with a success, so the answer must have the API's error
// shape.
func (v *validation) checkUnroutedResponse(status int, header http.Header, body []byte, c config) {
	if status < 400 {
		if !c.requests {
			// When requests are checked, checkRequest has already
			// reported this request, so the answer is not reported again.
			v.mismatch("response %d: a success answer to a request of no operation", status)
		}
		return
	}
	v.checkErrorShape(status, header, body)
}

// checkErrorShape checks that an error answer has the API's error media type
// and schema.
func (v *validation) checkErrorShape(status int, header http.Header, body []byte) {
	mediaType, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	if mediaType != v.doc.errorMediaType {
		v.mismatch("response %d: Content-Type %q, want the API's error type %s", status, header.Get("Content-Type"), v.doc.errorMediaType)
		return
	}
	value, err := decodeJSON(body)
	if err != nil {
		v.mismatch("response %d: body: %v", status, err)
		return
	}
	if err := v.doc.errorSchema.Value.VisitJSON(value, openapi3.VisitAsResponse(), openapi3.MultiErrors()); err != nil {
		for _, line := range describe(err) {
			v.mismatch("response %d body (the API's error shape) %s", status, line)
		}
	}
}

// checkCredentialsForm checks that the credentials a security scheme names
// are sent, in the form the scheme gives. It does not check that they are
// valid: only the server can say that.
func checkCredentialsForm(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	r := in.RequestValidationInput.Request
	scheme := in.SecurityScheme
	if scheme == nil || scheme.Type != "http" {
		return nil
	}
	switch strings.ToLower(scheme.Scheme) {
	case "bearer":
		kind, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(kind, "Bearer") || strings.TrimSpace(token) == "" {
			return in.NewError(errors.New("no Authorization: Bearer <token> header"))
		}
	case "basic":
		if _, _, ok := r.BasicAuth(); !ok {
			return in.NewError(errors.New("no Authorization: Basic <base64(user:password)> header"))
		}
	}
	return nil
}

// isLoopbackHost reports whether a Host header names this machine. Requests
// to any other host are not checked, because the sandbox refuses them with
// its own answer, which is in no vendor's shape.
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

// recorder passes an answer through to the client and keeps a copy to
// check. Unwrap lets the handler hijack the connection (the drop-response
// fault does), and then nothing is recorded or checked.
type recorder struct {
	http.ResponseWriter
	status int
	header http.Header
	body   bytes.Buffer
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
		r.header = r.ResponseWriter.Header().Clone()
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.WriteHeader(http.StatusOK)
	}
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
