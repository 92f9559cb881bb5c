package amplitude

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tracking-plan objects are addressed by name, and the name is joined into
// request paths. A name that could make a request reach another path is
// refused before any request is sent.

// percentEscape finds URL encoding such as %2F.
var percentEscape = regexp.MustCompile(`%[0-9A-Fa-f]{2}`)

// checkPlanName accepts an event or property name written as it reads. The
// name may hold spaces and most punctuation, but no slash, backslash, percent
// escape or control character, and may not be "." or "..". raw is the import
// id as given; what names the kind of object and example shows a valid
// import id, both for the error message.
func checkPlanName(raw, name, what, example string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || percentEscape.MatchString(name) ||
		!utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return fmt.Errorf("%q is not %s name that can be imported: the import id is the name as it reads, e.g. %s, "+
			"holding no slash, backslash, percent escape or control character, and not \".\" or \"..\"", raw, what, example)
	}
	return nil
}

// parseUserPropertyImportID reads a user property's name, dropping the "gp:"
// prefix Amplitude shows on custom properties in its charts.
func parseUserPropertyImportID(raw string) (string, error) {
	name := strings.TrimPrefix(strings.TrimSpace(raw), "gp:")
	return name, checkPlanName(raw, name, "a user property", "loyalty_tier or gp:loyalty_tier")
}

// parseEventTypeImportID reads an event type.
func parseEventTypeImportID(raw string) (string, error) {
	name := strings.TrimSpace(raw)
	return name, checkPlanName(raw, name, "an event type", `"Sign Up"`)
}

// parseEventPropertyImportID reads "<event type>/<property name>"; the event
// type is everything before the first slash.
func parseEventPropertyImportID(raw string) (eventType, name string, err error) {
	eventType, name, found := strings.Cut(strings.TrimSpace(raw), "/")
	if !found {
		return "", "", fmt.Errorf("%q is not an event property's import id: it is <event type>/<property name>, e.g. \"Purchase/price\"", raw)
	}
	if err := checkPlanName(raw, eventType, "an event type", `"Purchase/price"`); err != nil {
		return "", "", err
	}
	return eventType, name, checkPlanName(raw, name, "an event property", `"Purchase/price"`)
}
