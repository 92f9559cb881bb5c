package sandbox

import (
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

const formContentType = "application/x-www-form-urlencoded"

// decodeForm reads a form-encoded body, as the Taxonomy API takes its
// fields (amplitude.com/docs/apis/analytics/taxonomy: every example sends
// --data-urlencode). Any other content type is refused with 415, the status
// for a body in a format the endpoint does not read: a client that sends
// JSON learns it here rather than having its fields silently ignored.
func decodeForm(r *http.Request) (url.Values, error) {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != formContentType {
		return nil, refuse(http.StatusUnsupportedMediaType,
			"Content-Type %q is not supported: send the fields form-encoded (%s)", r.Header.Get("Content-Type"), formContentType)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, refuse(http.StatusBadRequest, "request body could not be read: %v", err)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, refuse(http.StatusBadRequest, "request body is not valid form encoding: %v", err)
	}
	return form, nil
}

// checkFormFields refuses fields the endpoint does not take, as decodeJSON
// does for JSON bodies.
func checkFormFields(p *problems, form url.Values, allowed []string) {
	var unknown []string
	for field := range form {
		if !slices.Contains(allowed, field) {
			unknown = append(unknown, field)
		}
	}
	slices.Sort(unknown)
	for _, field := range unknown {
		p.add("unknown field %q: this endpoint takes %s", field, strings.Join(allowed, ", "))
	}
}

// formValue returns a field sent at most once; sent reports whether it was.
func formValue(p *problems, form url.Values, field string) (value string, sent bool) {
	values, sent := form[field]
	if len(values) > 1 {
		p.add("%s is sent %d times; send it once", field, len(values))
	}
	if !sent {
		return "", false
	}
	return values[0], true
}

// formBool reads a Boolean field. The docs give no encoding; "true" and
// "false" are what curl users and this repository's client send, and an
// empty value clears the field to false like any other.
func formBool(p *problems, form url.Values, field string, into *bool) {
	value, sent := formValue(p, form, field)
	switch {
	case !sent:
	case value == "true":
		*into = true
	case value == "false" || value == "":
		*into = false
	default:
		p.add("%s %q must be true or false", field, value)
	}
}

// queryBool reads a Boolean query parameter such as showDeleted, which the
// docs send as "true".
func queryBool(q url.Values, name string) (bool, error) {
	switch value := q.Get(name); value {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	default:
		return false, refuse(http.StatusBadRequest, "%s %q must be true or false", name, value)
	}
}
