package validators

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// MinRequestTimeout and MaxRequestTimeout bound both providers' request_timeout.
const (
	MinRequestTimeout = time.Second
	MaxRequestTimeout = time.Hour
)

// RequestTimeout accepts a Go duration from MinRequestTimeout to
// MaxRequestTimeout, as ParseRequestTimeout reads it.
func RequestTimeout() validator.String {
	return stringCheck{
		summary:     "Invalid request timeout",
		description: fmt.Sprintf("must be a duration from %v to %v", MinRequestTimeout, MaxRequestTimeout),
		check: func(s string) error {
			_, err := ParseRequestTimeout(s)
			return err
		},
	}
}

// ParseRequestTimeout reads a Go duration within the allowed range.
func ParseRequestTimeout(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration such as \"90s\" or \"5m\"", s)
	}
	if d < MinRequestTimeout || d > MaxRequestTimeout {
		return 0, fmt.Errorf("%v is outside %v to %v", d, MinRequestTimeout, MaxRequestTimeout)
	}
	return d, nil
}
