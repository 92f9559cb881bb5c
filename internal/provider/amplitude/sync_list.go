package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var _ list.ListResourceWithConfigure = (*syncList)(nil)

// NewSyncList lists the amplitude_sync objects, for terraform query.
func NewSyncList() list.ListResource { return &syncList{} }

type syncList struct {
	client *amplitude.Client
}

type syncFilters struct {
	Kind          types.String `tfsdk:"kind"`
	DestinationID types.String `tfsdk:"destination_id"`
	NamePrefix    types.String `tfsdk:"name_prefix"`
}

func (l *syncList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sync"
}

func (l *syncList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The project's Audiences syncs, each with its identity; with `include_resource = true`, the whole `amplitude_sync`. " +
			"Each result shows the sync's name. A query reads the syncs a page of 1000 at a time and changes nothing. " + modeledEndpointNote,
		Attributes: map[string]schema.Attribute{
			"kind": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only syncs of this kind: one of " + backtickList(amplitude.SyncKinds) + ".",
				Validators:          []validator.String{stringvalidator.OneOf(amplitude.SyncKinds...)},
			},
			"destination_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only syncs that write to this Braze destination, e.g. `amplitude_braze_destination.<name>.id`.",
				Validators:          []validator.String{validators.NotBlank()},
			},
			"name_prefix": namePrefixFilter("syncs"),
		},
	}
}

func (l *syncList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client = basicFor(req.ProviderData, "The amplitude_sync list", &resp.Diagnostics)
}

func (l *syncList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters syncFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		listFailed(stream, diags)
		return
	}
	syncs, err := l.client.ListSyncs(ctx)
	if err != nil {
		listError(stream, "Cannot list the Amplitude syncs", err)
		return
	}
	var found []listed
	for i := range syncs {
		s := &syncs[i]
		if !matchesString(filters.Kind, s.Kind) || !matchesString(filters.DestinationID, s.DestinationID) || !matchesPrefix(filters.NamePrefix, s.Name) {
			continue
		}
		found = append(found, listed{
			displayName: s.Name,
			identity:    syncIdentity{ID: types.StringValue(s.ID)},
			model:       syncFromAPI(s),
		})
	}
	stream.Results = streamListed(ctx, req, found)
}
