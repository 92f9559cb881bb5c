package developer

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Problem is an error answer of the Developer API: an RFC 9457 problem
// document (application/problem+json).
type Problem struct {
	Type              string       `json:"type"`
	Title             string       `json:"title"`
	Status            int          `json:"status"`
	Detail            string       `json:"detail"`
	Instance          string       `json:"instance"`
	ErrorCode         string       `json:"error_code"`
	Retryable         bool         `json:"retryable"`
	RetryAfterSeconds *int         `json:"retry_after_seconds"`
	ValidationErrors  []FieldError `json:"validation_errors"`

	// Method and Path name the request that was refused.
	Method string `json:"-"`
	Path   string `json:"-"`
	// Attempts is how many times the request was sent. It is more than 1
	// when the request was retried until the retries ran out.
	Attempts int `json:"-"`
}

// FieldError is one entry of a problem's validation_errors. Field is a dotted
// path into the request body, e.g. config.api_key.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Code    string `json:"code"`
}

func (p *Problem) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Amplitude Developer API answered %s %s with HTTP %d", p.Method, p.Path, p.Status)
	if p.ErrorCode != "" {
		fmt.Fprintf(&b, " (%s)", p.ErrorCode)
	}
	switch {
	case p.Detail != "":
		b.WriteString(": " + p.Detail)
	case p.Title != "":
		b.WriteString(": " + p.Title)
	}
	for _, f := range p.ValidationErrors {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Message)
	}
	return b.String() + transport.AttemptsNote(p.Attempts)
}

// HTTPStatus lets the transport tell server failures from refusals.
func (p *Problem) HTTPStatus() int { return p.Status }

// Error codes the client acts on. Amplitude's contract gives no code for
// some statuses (404, 412), so for those the client decides by the status of
// the problem document, and treats the code only as a detail.
const (
	codeInsufficientScope = "insufficient_scope"
	codeNotFound          = "not_found"
)

// parseProblem reads a problem document; ok is false for any other body.
// The transport has already redacted the client's secrets from the body.
func parseProblem(resp *transport.Response) (*Problem, bool) {
	raw := resp.Body
	mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mediaType != "application/problem+json" {
		return nil, false
	}
	var p Problem
	if err := json.Unmarshal(raw, &p); err == nil {
		if p.Status == 0 {
			p.Status = resp.StatusCode
		}
		return &p, true
	}
	return nil, false
}

// UnexpectedAnswer is an error answer that is not a problem document: the
// request reached something other than the Developer API, such as a proxy or
// a base URL that points elsewhere.
type UnexpectedAnswer struct {
	Method   string
	URL      string
	Status   int
	Snippet  string
	Attempts int
}

func (e *UnexpectedAnswer) Error() string {
	return transport.ForeignAnswer(e.Method, e.URL, e.Status, "Amplitude's Developer API", "it sends application/problem+json errors",
		"the Developer API URL is probably wrong: it is the API's root, such as https://developer-api.amplitude.com", e.Snippet) +
		transport.AttemptsNote(e.Attempts)
}

// HTTPStatus lets the transport tell server failures from refusals.
func (e *UnexpectedAnswer) HTTPStatus() int { return e.Status }

// IsNotFound reports whether err is Amplitude's own answer that the object
// does not exist: a problem document with status 404. A 404 from anything
// else does not count, because treating it as "gone" would make Terraform
// forget objects that still exist.
func IsNotFound(err error) bool {
	var p *Problem
	return errors.As(err, &p) && p.Status == http.StatusNotFound && (p.ErrorCode == "" || p.ErrorCode == codeNotFound)
}

// IsVersionMismatch reports whether err is the 412 of a write whose If-Match
// named a version the destination no longer has.
func IsVersionMismatch(err error) bool {
	var conflict *VersionConflict
	if errors.As(err, &conflict) {
		return true
	}
	var p *Problem
	return errors.As(err, &p) && p.Status == http.StatusPreconditionFailed
}

// FieldErrors returns the validation errors of a refusal, if any.
func FieldErrors(err error) []FieldError {
	var p *Problem
	if errors.As(err, &p) {
		return p.ValidationErrors
	}
	return nil
}

// VersionConflict reports that a write was not made because the destination
// changed after the version the caller knew. Either Amplitude refused the
// write (412), or the client, checking whether a write whose answer was lost
// took effect, found that someone else had changed the destination.
type VersionConflict struct {
	ID              string
	ExpectedVersion int64
	// CurrentVersion is 0 when the server did not say.
	CurrentVersion int64
	Cause          error
}

func (e *VersionConflict) Error() string {
	msg := fmt.Sprintf("destination %s was changed in Amplitude after version %d, the one this change was planned against", e.ID, e.ExpectedVersion)
	if e.CurrentVersion > 0 {
		msg += fmt.Sprintf(" (Amplitude now holds version %d)", e.CurrentVersion)
	}
	return msg + "; nothing was overwritten"
}

func (e *VersionConflict) Unwrap() error { return e.Cause }
