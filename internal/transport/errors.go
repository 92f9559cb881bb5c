package transport

import (
	"fmt"
	"net/http"
)

// ForeignAnswer is the message for an error answer that is not in the
// vendor API's error shape: the request reached something else, such as a
// proxy, or a base URL that points elsewhere. api names the vendor's API,
// shape says how it answers errors, urlHint what the URL should be (said on
// a 404, the usual sign of a wrong base URL), and snippet is the body, when
// short enough to quote.
func ForeignAnswer(method, url string, status int, api, shape, urlHint, snippet string) string {
	msg := fmt.Sprintf("%s %s answered HTTP %d, which is not an answer of %s (%s)", method, url, status, api, shape)
	if status == http.StatusNotFound {
		msg += "; " + urlHint
	}
	if snippet != "" {
		msg += fmt.Sprintf(": %q", snippet)
	}
	return msg
}

// AttemptsNote returns the text an error adds to its message when the
// request was retried until the retries ran out, so the user knows it was
// not the first try that failed. After a single attempt it is empty.
func AttemptsNote(attempts int) string {
	if attempts > 1 {
		return fmt.Sprintf(" (the last of %d attempts)", attempts)
	}
	return ""
}
