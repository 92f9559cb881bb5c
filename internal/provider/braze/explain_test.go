package braze

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// A 403 is explained by the one permission the refused request needed; no
// other permission is advised, and an error that is not Braze's 403 is left
// as it is.
func TestExplainAdvisesOnlyTheMissingPermission(t *testing.T) {
	forbidden := &braze.APIError{Status: http.StatusForbidden, Vendor: true, Message: "Forbidden", Permission: "custom_attributes.get"}
	got := explain(forbidden)
	if !strings.Contains(got, "lacks the custom_attributes.get permission") {
		t.Errorf("explain(403) = %q; want the missing permission named", got)
	}
	for _, other := range facts.BrazeRESTPermissions {
		if other != "custom_attributes.get" && strings.Contains(got, other) {
			t.Errorf("explain(403) = %q; it advises %s too", got, other)
		}
	}
	if strings.Contains(got, "api_keys.*") {
		t.Errorf("explain(403) = %q; it advises api_keys.*", got)
	}
	for _, err := range []error{
		errors.New("network down"),
		&braze.APIError{Status: http.StatusForbidden, Vendor: false, Message: "a proxy's page", Permission: "events.get"},
		&braze.APIError{Status: http.StatusUnauthorized, Vendor: true, Message: "Invalid API key", Permission: "events.get"},
	} {
		if got := explain(err); got != err.Error() {
			t.Errorf("explain(%v) = %q; want the error as it is", err, got)
		}
	}
}
