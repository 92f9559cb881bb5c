package core

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// APIError is a refusal: the HTTP status and the messages to answer with.
// Each vendor renders it in its own error shape (Vendor.WriteError).
type APIError struct {
	Status   int
	Messages []string

	// The fields below are used only by the Developer API, whose problem
	// documents have a place for them. Amplitude's other APIs and Braze
	// answer with the messages alone.

	// Code is the machine-readable error code; empty means the status's
	// usual one.
	Code string
	// Fields locate each problem of a request in its body.
	Fields []FieldProblem
	// RetryAfterSeconds is how many seconds to wait before trying again.
	// The rate-limit fault's 429 and an Idempotency-Key still in use set it.
	// Amplitude's delivery-metrics limits leave it unset, because Amplitude
	// documents no wait for them.
	RetryAfterSeconds int
	// Injected marks a failure the error_rate fault made up.
	Injected bool
}

func (e *APIError) Error() string { return strings.Join(e.Messages, "; ") }

// Refuse returns a refusal with one message.
func Refuse(status int, format string, args ...any) *APIError {
	return &APIError{Status: status, Messages: []string{fmt.Sprintf(format, args...)}}
}

// AsAPIError turns any error into a refusal. An error that is not already a
// refusal is a fault in the sandbox itself, so it becomes a 500.
func AsAPIError(err error) *APIError {
	var e *APIError
	if errors.As(err, &e) {
		return e
	}
	return Refuse(http.StatusInternalServerError, "sandbox internal error: %v", err)
}

// FieldProblem is one problem of a request, located by a dotted path into
// its body (config.user_id_mapping.braze_identifier, kind[1]) or naming the
// query parameter or header at fault.
type FieldProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Code    string `json:"code"`
}

// FieldProblems collects every located problem of a request, so one answer
// tells the client everything it has to fix, each where it is.
type FieldProblems []FieldProblem

// Add records a problem. Start the message with the field's name: the
// message is also shown on its own in the error's detail, and must still say
// which field it is about there.
func (p *FieldProblems) Add(field, code, format string, args ...any) {
	*p = append(*p, FieldProblem{Field: field, Message: fmt.Sprintf(format, args...), Code: code})
}

// Err returns nil when there are no problems, and otherwise a refusal with
// status and errorCode (an empty errorCode means the status's usual one). A
// problem that names no field, such as a body that is not JSON, becomes a
// message only, with no entry in Fields.
func (p FieldProblems) Err(status int, errorCode string) error {
	if len(p) == 0 {
		return nil
	}
	e := &APIError{Status: status, Code: errorCode}
	for _, problem := range p {
		e.Messages = append(e.Messages, problem.Message)
		if problem.Field != "" {
			e.Fields = append(e.Fields, problem)
		}
	}
	return e
}
