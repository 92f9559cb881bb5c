package amplitude

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

// modeledEndpointNote goes on every page backed by an endpoint that Amplitude
// does not publish (DESIGN.md §2).
const modeledEndpointNote = "Amplitude publishes no API for this object: the provider calls a modeled endpoint that follows Amplitude's API conventions (see the provider documentation)."

type (
	configGetter interface {
		GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
	}
	diagAppender interface {
		Append(...diag.Diagnostic)
	}
	privateSetter interface {
		SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
	}
	privateGetter interface {
		GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	}
)

func lastFourJSON(secret string) []byte {
	b, _ := json.Marshal(amplitude.LastFour(secret))
	return b
}

func parseLastFourJSON(raw []byte) string {
	var s string
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// importByID imports a resource whose import id is its API id.
func importByID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if id == "" {
		resp.Diagnostics.AddError("Invalid import id", "The import id is the object's Amplitude id, and it is empty.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

func backtickList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func emptyToNil(s *string) *string {
	if s == nil || *s == "" {
		return nil
	}
	return s
}
