package transport

import "strings"

// redactor hides secret values in log text. Secrets shorter than four
// characters are not replaced: they would blank out ordinary words.
type redactor struct {
	replacer *strings.Replacer
}

func newRedactor(secrets []string) redactor {
	var pairs []string
	for _, s := range secrets {
		if len(s) >= 4 {
			pairs = append(pairs, s, "[REDACTED]")
		}
	}
	if len(pairs) == 0 {
		return redactor{}
	}
	return redactor{replacer: strings.NewReplacer(pairs...)}
}

func (r redactor) redact(s string) string {
	if r.replacer == nil {
		return s
	}
	return r.replacer.Replace(s)
}
