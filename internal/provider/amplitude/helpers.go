package amplitude

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// modeledEndpointNote goes on every page backed by an endpoint that Amplitude
// does not publish (x-modelled in api/amplitude-basic.openapi.yaml).
const modeledEndpointNote = "Amplitude publishes no API for this object: the provider calls a modeled endpoint that follows Amplitude's API conventions (see the provider documentation)."

type (
	// configGetter is the one method of tfsdk.Config that valuesToSend and
	// validateTypeRules use.
	configGetter interface {
		GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
	}
)

// objectID is the shape of the ids Amplitude assigns: letters, digits, ".",
// "_", ":" and "-", starting with a letter or digit. The sandbox's ids are
// UUIDs, but the shape also admits prefixed or numeric ones. An id is joined
// into request paths, so the shape leaves out everything that could make a
// request reach another path: dot segments, slashes, percent escapes and
// control characters.
var objectID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// parseImportID checks the id that `terraform import` passes, and returns it
// without surrounding spaces.
func parseImportID(raw string) (string, error) {
	id := strings.TrimSpace(raw)
	switch {
	case id == "":
		return "", errors.New("the import id is the object's Amplitude id, and it is empty")
	case !objectID.MatchString(id):
		return "", fmt.Errorf("%q is not an Amplitude object id: an id is 1 to 128 letters, digits, \".\", \"_\", \":\" or \"-\", starting with a letter or digit, such as 5f2d7c1e-9a4b-4c3d-8e2f-1a2b3c4d5e6f", raw)
	}
	return id, nil
}

func backtickList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}

// emptyLike returns server, the list Amplitude returned, in the form state
// should hold it. An empty list is null, unless prior (the plan or the state)
// holds an empty list; then it stays empty. A configured empty list means the
// same as leaving the attribute out, but Terraform fails an apply whose
// result differs from the plan, so reading the list back must not turn []
// into null.
func emptyLike[T any](prior, server []T) []T {
	if len(server) > 0 {
		return server
	}
	if prior != nil && len(prior) == 0 {
		return []T{}
	}
	return nil
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
