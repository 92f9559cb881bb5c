// Package developerapi is the sandbox's Amplitude Developer API
// (amplitude.com/docs/apis/developer), which
// api/amplitude-developer.openapi.yaml describes, served under
// /developer-api as on developer-api.amplitude.com. This package is what the
// API's sections share: its conventions ({"data": …} envelopes, RFC 9457
// problem documents, cursor pages within a search window), its Personal
// Access Tokens and their scopes, the one project with the context and
// projects endpoints, and the Idempotency-Key that every tracking-plan write
// runs under. The sections are packages of their own, as the vendor's
// reference divides them: destinations (with the destination types) and
// taxonomy (the tracking plan's events, event properties and user
// properties).
//
// Where the vendor's docs leave a point open, the comments say "open point:
// <name>", naming an entry in the document's list of open points, where the
// sandbox's answer is recorded (x-modelled). A rule that is neither the
// vendor's nor an open point's says it is the sandbox's own choice.
package developerapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Path is where the sandbox serves the Developer API. The sandbox's URL
// followed by this path is the API's base URL, and every vendor path below
// it starts with /v1, as on the vendor's host.
const Path = "/developer-api"

// API is the part of the Developer API that its sections share. The
// sections serve their operations through it.
type API struct {
	sb    *core.Sandbox
	store *core.Store
	// state is touched only under the store's lock.
	state state
	api   *core.API
	// fault is the rate-limit fault's window. The Developer API has its
	// own, because it is a separate service from Amplitude's other APIs.
	fault *core.Window
	// searchWindow is how many results of a query the lists can page
	// through.
	searchWindow int
}

// New adds the Developer API to sb, with its part of the state
// ("developer_api" in the state file) and the context and projects
// endpoints; the sections add the rest through Handle.
func New(sb *core.Sandbox) *API {
	a := &API{sb: sb, store: sb.Store(), fault: sb.FaultWindow(), searchWindow: searchWindow}
	a.store.AddPart("developer_api", &a.state)
	a.api = sb.ServeAPI(core.APIConfig{
		Prefix: Path, Document: api.AmplitudeDeveloper, Vendor: a, Guard: a.auth,
		// The Developer API cannot delete a destination, so a DELETE there
		// gets 405 method_not_allowed, like any method a path does not
		// take (open point: DELETE).
		MethodNotAllowed: true,
	})
	a.Serve(map[string]http.HandlerFunc{"getContext": a.getContext, "listProjects": a.listProjects})
	return a
}

// Serve handles each operation of handlers, by its id in the document. In
// front of each handler come, in this order: the check of the token and its
// scope (auth), the check of the request's shape against the document, the
// check of the project on a path under a project, and the Idempotency-Key
// on a write that takes one.
func (a *API) Serve(handlers map[string]http.HandlerFunc) {
	for id, h := range handlers {
		op := a.api.Operation(id)
		var next http.Handler = h
		if op.TakesHeader(idempotencyKeyHeader) {
			next = a.idempotent(next)
		}
		if strings.Contains(op.Path, "{project_id}") {
			next = a.inProject(next)
		}
		a.api.Handle(id, next)
	}
}

// Now returns the time on the sandbox's clock.
func (a *API) Now() time.Time { return a.sb.Now() }

// SearchWindow returns how many results of a query the lists can page
// through.
func (a *API) SearchWindow() int { return a.searchWindow }

// The Developer API's error codes (amplitude.com/docs/apis/developer):
// validation_error and pagination_not_supported (400),
// authentication_required and invalid_token (401), insufficient_scope
// (403), not_found (404), not_in_schema (422), rate_limit_exceeded (429).
// The others the sandbox answers are named where they are used.
const (
	CodeValidationError        = "validation_error"
	CodePaginationNotSupported = "pagination_not_supported"
	CodeNotFound               = "not_found"
	CodeInvalidConfig          = "invalid_config"
)

// problemTypeBase prefixes a problem's type, a URI naming its kind, as the
// vendor's problem examples have it (…/problems/rate-limit-exceeded).
const problemTypeBase = "https://developer-api.amplitude.com/problems/"

// WriteError answers with an RFC 9457 problem document, served as
// application/problem+json, as the Developer API answers every error
// (amplitude.com/docs/apis/developer). retry_after_seconds is sent on a 429
// (open point: Rate limit) and on any other refusal worth retrying after a
// pause, such as an Idempotency-Key still in use. validation_errors is sent
// only when the problems point at fields of the request.
func (a *API) WriteError(w http.ResponseWriter, r *http.Request, e *core.APIError) {
	code := errorCode(e)
	slug := strings.ReplaceAll(code, "_", "-")
	if code == "insufficient_scope" {
		// The vendor files a missing scope under the general type forbidden.
		slug = "forbidden"
	}
	body := map[string]any{
		"type": problemTypeBase + slug, "title": http.StatusText(e.Status), "status": e.Status,
		"detail": strings.Join(e.Messages, "; "), "instance": r.URL.Path, "error_code": code,
		"retryable": e.Status == http.StatusTooManyRequests || e.Status >= 500 || e.RetryAfterSeconds > 0,
	}
	if e.Status == http.StatusTooManyRequests || e.RetryAfterSeconds > 0 {
		body["retry_after_seconds"] = e.RetryAfterSeconds
	}
	if len(e.Fields) > 0 {
		body["validation_errors"] = e.Fields
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(body) // The client may be gone; nothing to do then.
}

// errorCode returns the error_code for e: e's own code if it has one, and
// otherwise the code the vendor uses for its status. The codes of 405, 412
// and 422 are open points (DELETE, and Error codes of 412 / 422). The vendor
// names no code for 413 or 500, so payload_too_large and internal_error are
// the sandbox's own. A failure that the error_rate fault makes up gets the
// code the vendor gives that status when its own upstreams fail, or
// injected_error for any other status.
func errorCode(e *core.APIError) string {
	if e.Code != "" {
		return e.Code
	}
	codes := map[int]string{
		http.StatusInternalServerError: "internal_error",
		http.StatusBadGateway:          "upstream_error",
		http.StatusServiceUnavailable:  "operation_availability_unavailable",
		http.StatusGatewayTimeout:      "upstream_timeout",
	}
	if !e.Injected {
		codes[http.StatusBadRequest] = CodeValidationError
		codes[http.StatusNotFound] = CodeNotFound
		codes[http.StatusMethodNotAllowed] = "method_not_allowed"
		codes[http.StatusPreconditionFailed] = "version_mismatch"
		codes[http.StatusRequestEntityTooLarge] = "payload_too_large"
		codes[http.StatusUnprocessableEntity] = CodeInvalidConfig
		codes[http.StatusTooManyRequests] = "rate_limit_exceeded"
	}
	if code, ok := codes[e.Status]; ok {
		return code
	}
	if e.Injected {
		return "injected_error"
	}
	return "internal_error"
}

// Admit refuses a request only when the rate-limit fault is on and its
// window is spent. The vendor documents
// no rate-limit or Retry-After header, so the 429 says how long to wait in
// its body alone (open point: Rate limit).
func (a *API) Admit(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	q, admitted := a.fault.Take(now)
	if !admitted {
		tooMany := core.Refuse(http.StatusTooManyRequests,
			"too many requests: the limit is %d a second; retry after %d seconds", q.Limit, q.RetryAfter(now))
		tooMany.RetryAfterSeconds = q.RetryAfter(now)
		a.WriteError(w, r, tooMany)
	}
	return admitted
}

// Refuse returns a refusal with the given error code.
func Refuse(status int, code, format string, args ...any) *core.APIError {
	e := core.Refuse(status, format, args...)
	e.Code = code
	return e
}

// RefuseField returns a refusal of one problem, located at field.
func RefuseField(status int, errorCode, field, problem, format string, args ...any) error {
	var p core.FieldProblems
	p.Add(field, problem, format, args...)
	return p.Err(status, errorCode)
}

// WriteData answers one object in the vendor's envelope, {"data": …}.
func WriteData(w http.ResponseWriter, status int, data any) {
	core.WriteJSON(w, status, map[string]any{"data": data})
}

// WriteList answers a page of a list: {"data": [...], "pagination":
// {"next_cursor", "has_more"}}, with next nil on the last page.
func WriteList[T any](w http.ResponseWriter, items []T, next *string) {
	core.WriteJSON(w, http.StatusOK, map[string]any{
		"data":       core.OrEmpty(items),
		"pagination": map[string]any{"next_cursor": next, "has_more": next != nil},
	})
}
