package sandbox

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// apiError is a refusal: the HTTP status and the messages to answer with.
// Each vendor renders it in its own error shape.
type apiError struct {
	status   int
	messages []string

	// The rest is read only by shapes that have a place for it, the
	// Developer API's problem documents; Amplitude's other APIs and Braze
	// answer the messages alone.

	// code is the machine-readable error code; empty means the status's
	// usual one.
	code string
	// fields locate each problem of a request in its body.
	fields []fieldProblem
	// retryAfterSeconds, on a 429, is when to try again.
	retryAfterSeconds int
	// injected marks a failure the error_rate fault made up.
	injected bool
}

func (e *apiError) Error() string { return strings.Join(e.messages, "; ") }

func refuse(status int, format string, args ...any) *apiError {
	return &apiError{status: status, messages: []string{fmt.Sprintf(format, args...)}}
}

// asAPIError turns any error into a refusal; an error that is not already one
// is the sandbox's own fault, so it becomes a 500.
func asAPIError(err error) *apiError {
	var e *apiError
	if errors.As(err, &e) {
		return e
	}
	return refuse(http.StatusInternalServerError, "sandbox internal error: %v", err)
}

// problems collects every validation failure of a request, so one answer
// tells the client everything it has to fix.
type problems []string

func (p *problems) add(format string, args ...any) {
	*p = append(*p, fmt.Sprintf(format, args...))
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &apiError{status: http.StatusBadRequest, messages: p}
}

// fieldProblem is one problem of a request, located by a dotted path into
// its body (config.user_id_mapping.braze_identifier, kind[1]) or naming the
// query parameter or header at fault.
type fieldProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Code    string `json:"code"`
}

// The codes of fieldProblem, one per kind of mistake.
const (
	problemRequired           = "required"
	problemUnknownField       = "unknown_field"
	problemInvalidType        = "invalid_type"
	problemInvalidValue       = "invalid_value"
	problemTooShort           = "too_short"
	problemTooLong            = "too_long"
	problemNotAllowed         = "not_allowed"
	problemDuplicate          = "duplicate"
	problemCredentialRejected = "credential_rejected"
)

// fieldProblems collects every located problem of a request, so one answer
// tells the client everything it has to fix, each where it is.
type fieldProblems []fieldProblem

// add records a problem; the message starts with the field, so it reads on
// its own in the error's detail.
func (p *fieldProblems) add(field, code, format string, args ...any) {
	*p = append(*p, fieldProblem{Field: field, Message: fmt.Sprintf(format, args...), Code: code})
}

// err is nil without problems, else a refusal with status and errorCode.
func (p fieldProblems) err(status int, errorCode string) error {
	if len(p) == 0 {
		return nil
	}
	messages := make([]string, len(p))
	for i, problem := range p {
		messages[i] = problem.Message
	}
	return &apiError{status: status, messages: messages, code: errorCode, fields: p}
}
