package developerapi

import (
	"net/http"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// idempotencyKeyOf reads the header, required, of 8 to 255 characters (each
// write's page, e.g.
// amplitude.com/docs/apis/developer/taxonomy-events/create-event-taxonomy-entry);
// that they be printable ASCII without spaces, and the header sent once, are
// the sandbox's rules.
func idempotencyKeyOf(h http.Header) (string, error) {
	values := h.Values(idempotencyKeyHeader)
	const want = "a unique key per write, such as a UUID, sent again unchanged when the write is retried"
	var problems core.FieldProblems
	switch {
	case len(values) == 0:
		problems.Add(idempotencyKeyHeader, problemRequired, "%s is required on every taxonomy write: %s", idempotencyKeyHeader, want)
	case len(values) > 1:
		problems.Add(idempotencyKeyHeader, problemInvalidValue, "%s is sent %d times; send it once: %s", idempotencyKeyHeader, len(values), want)
	case len(values[0]) < minIdempotencyKey:
		problems.Add(idempotencyKeyHeader, problemTooShort, "%s %q is shorter than %d characters: %s", idempotencyKeyHeader, values[0], minIdempotencyKey, want)
	case len(values[0]) > maxIdempotencyKey:
		problems.Add(idempotencyKeyHeader, problemTooLong, "%s is longer than %d characters: %s", idempotencyKeyHeader, maxIdempotencyKey, want)
	case strings.ContainsFunc(values[0], func(c rune) bool { return c <= ' ' || c > '~' }):
		problems.Add(idempotencyKeyHeader, problemInvalidValue, "%s %q must be printable ASCII without spaces: %s", idempotencyKeyHeader, values[0], want)
	}
	if err := problems.Err(http.StatusBadRequest, codeValidationError); err != nil {
		return "", err
	}
	return values[0], nil
}
