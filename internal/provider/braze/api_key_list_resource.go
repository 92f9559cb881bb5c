package braze

import (
	"context"
	"iter"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var _ list.ListResourceWithConfigure = (*apiKeyListResource)(nil)

// NewAPIKeyListResource is the braze_api_key list resource: the workspace's
// REST API keys for `terraform query`.
func NewAPIKeyListResource() list.ListResource { return &apiKeyListResource{} }

type apiKeyListResource struct {
	client *braze.Client
}

type apiKeyListModel struct {
	NamePrefix types.String `tfsdk:"name_prefix"`
	Permission types.String `tfsdk:"permission"`
}

func (r *apiKeyListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_key"
}

func (r *apiKeyListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The workspace's Braze REST API keys, for `terraform query` (Terraform 1.14 and later). " +
			"Each result's display name is the key's name as the dashboard shows it, and its identity is the key's identifier. " +
			"Braze lists every key in one answer, so a query costs one request. A query only reads. " +
			"A listed key carries no secret: Braze shows a key's secret only when it makes the key, so an adopted key has `key = null` (see the resource page). " +
			"With `include_resource = true`, `last_seen_at` is null: Braze's list leaves it out, and the resource reads it once the key is imported.",
		Attributes: map[string]schema.Attribute{
			"name_prefix": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only keys whose name starts with this text (compared case-sensitively, as the dashboard shows the name). A non-empty string.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"permission": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only keys that hold this permission, by Braze's name, e.g. `users.track` for the keys Amplitude can stream with. " +
					"`provider::braze::permissions()` lists the valid names.",
				Validators: []validator.String{validators.BrazePermission()},
			},
		},
	}
}

func (r *apiKeyListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *apiKeyListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filter apiKeyListModel
	if diags := req.Config.Get(ctx, &filter); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	keys, err := r.client.ListAPIKeys(ctx)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Cannot list the Braze API keys", explain(err))
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = r.results(ctx, req, slices.Values(filter.matching(keys)))
}

// matching returns the keys that pass the list block's filters, in Braze's
// order.
func (f apiKeyListModel) matching(keys []braze.APIKey) []braze.APIKey {
	return slices.DeleteFunc(keys, func(k braze.APIKey) bool {
		return !strings.HasPrefix(k.Name, f.NamePrefix.ValueString()) ||
			(!f.Permission.IsNull() && !slices.Contains(k.Permissions, f.Permission.ValueString()))
	})
}

// results turns keys into list results. Each result carries the key's
// identity, and the full object when the query asks for it.
func (r *apiKeyListResource) results(ctx context.Context, req list.ListRequest, keys iter.Seq[braze.APIKey]) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		for k := range keys {
			result := req.NewListResult(ctx)
			result.DisplayName = k.Name
			result.Diagnostics.Append(result.Identity.Set(ctx, apiKeyIdentity{ID: types.StringValue(k.ID)})...)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, apiKeyFromAPI(&k, types.StringNull(), nil))...)
			}
			if !push(result) {
				return
			}
		}
	}
}
