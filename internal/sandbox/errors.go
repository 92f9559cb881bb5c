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
