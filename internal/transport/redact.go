package transport

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
)

// Credentials authenticate every request a Client sends. The Client sets the
// Authorization header itself, so it knows every form the credentials take
// on the wire and can hide each of them wherever a server echoes it.
type Credentials struct {
	header  string
	secrets []string
}

// BasicAuth sends "Authorization: Basic base64(user:password)". The
// password, "user:password" and their base64 are redacted; the user is not,
// as Amplitude's API key (the user of its Basic auth) also ships in its
// client SDKs and names the project in a log line.
func BasicAuth(user, password string) Credentials {
	pair := user + ":" + password
	encoded := base64.StdEncoding.EncodeToString([]byte(pair))
	return Credentials{header: "Basic " + encoded, secrets: []string{password, pair, encoded}}
}

// BearerToken sends "Authorization: Bearer <token>". The token is redacted
// wherever it appears, so "Bearer <token>" reads "Bearer [REDACTED]".
func BearerToken(token string) Credentials {
	return Credentials{header: "Bearer " + token, secrets: []string{token}}
}

// redactor hides secret values in text: as given, and in the encodings a
// server may echo them in (URL query and path escaping, JSON strings).
// Secrets shorter than four characters are not replaced: they would blank
// out ordinary words.
type redactor struct {
	replacer *strings.Replacer
}

const redacted = "[REDACTED]"

func newRedactor(secrets []string) redactor {
	var forms []string
	for _, s := range secrets {
		if len(s) < 4 {
			continue
		}
		quoted, _ := json.Marshal(s)
		forms = append(forms, s, url.QueryEscape(s), url.PathEscape(s), strings.Trim(string(quoted), `"`))
	}
	if len(forms) == 0 {
		return redactor{}
	}
	// Longest first, so that "user:password" is replaced whole rather than
	// leaving "user:" before a replaced password.
	slices.SortFunc(forms, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b)) })
	forms = slices.Compact(forms)
	pairs := make([]string, 0, 2*len(forms))
	for _, f := range forms {
		pairs = append(pairs, f, redacted)
	}
	return redactor{replacer: strings.NewReplacer(pairs...)}
}

func (r redactor) redact(s string) string {
	if r.replacer == nil {
		return s
	}
	return r.replacer.Replace(s)
}

// redactedError shows err's text with the secrets hidden, and still unwraps
// to err so callers can test what it is.
type redactedError struct {
	err  error
	text string
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }
