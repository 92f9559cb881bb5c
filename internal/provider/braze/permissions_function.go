package braze

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

var _ function.Function = permissionsFunction{}

// NewPermissionsFunction is provider::braze::permissions.
func NewPermissionsFunction() function.Function { return permissionsFunction{} }

type permissionsFunction struct{}

func (permissionsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "permissions"
}

func (permissionsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Every Braze REST API key permission",
		MarkdownDescription: "Returns every REST API key permission this provider knows, sorted: those published on braze.com/docs/api/basics, " +
			"`custom_attributes.get`, and the `api_keys.*` permissions of the modeled key endpoints. Use it for a key with all permissions, " +
			"or with `setsubtract` to leave some out.",
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (permissionsFunction) Run(ctx context.Context, _ function.RunRequest, resp *function.RunResponse) {
	resp.Error = resp.Result.Set(ctx, slices.Sorted(slices.Values(facts.BrazeRESTPermissions)))
}
