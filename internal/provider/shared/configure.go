package shared

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// RejectUnknown adds an error for each provider setting whose value is not
// known at plan time, because a client cannot be built from a value that is
// not known yet.
func RejectUnknown(diags *diag.Diagnostics, provider string, settings map[string]types.String) {
	for attr, v := range settings {
		if v.IsUnknown() {
			diags.AddAttributeError(path.Root(attr), "Unknown provider setting",
				fmt.Sprintf("The %s provider's %s is not known until apply; set it from a value known at plan time.", provider, attr))
		}
	}
}

// ClientFrom returns the client that a provider's Configure stored for its
// resources and data sources. It returns nil when the provider has not been
// configured yet, which the framework does before some calls, such as
// validation.
func ClientFrom[C any](data any, diags *diag.Diagnostics) *C {
	if data == nil {
		return nil
	}
	client, ok := data.(*C)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected %T, got %T", client, data))
	}
	return client
}
