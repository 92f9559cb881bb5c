package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var _ datasource.DataSourceWithConfigure = (*destinationsDataSource)(nil)

// NewDestinationsDataSource is the amplitude_destinations data source: the
// project's destinations with the filters of the destination list
// resources, for CLIs without terraform query (OpenTofu, Terraform before
// 1.14), whose ids feed import blocks with for_each.
func NewDestinationsDataSource() datasource.DataSource { return &destinationsDataSource{} }

type destinationsDataSource struct {
	client *developer.Client
}

type destinationsModel struct {
	Search       types.String             `tfsdk:"search"`
	Partner      types.String             `tfsdk:"partner"`
	Kind         types.String             `tfsdk:"kind"`
	Enabled      types.Bool               `tfsdk:"enabled"`
	IDs          []string                 `tfsdk:"ids"`
	Destinations []listedDestinationModel `tfsdk:"destinations"`
}

type listedDestinationModel struct {
	ID      types.String `tfsdk:"id"`
	Name    types.String `tfsdk:"name"`
	Partner types.String `tfsdk:"partner"`
	Kind    []string     `tfsdk:"kind"`
	Enabled types.Bool   `tfsdk:"enabled"`
}

func (d *destinationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_destinations"
}

func (d *destinationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The project's destinations that the filters select, from the Developer API (`GET /v1/projects/{project_id}/destinations`, scope `destinations:read`, 200 a page). " +
			"Its filters are those of the destination list resources; on OpenTofu, which has no `terraform query`, its ids feed `import` blocks with `for_each` to adopt existing destinations.",
		Attributes: map[string]schema.Attribute{
			"search": schema.StringAttribute{
				Optional: true, MarkdownDescription: searchFilterDescription,
				Validators: []validator.String{validators.NotBlank()},
			},
			"partner": schema.StringAttribute{
				Optional: true, MarkdownDescription: partnerFilterDescription,
				Validators: []validator.String{validators.NotBlank()},
			},
			"kind": schema.StringAttribute{
				Optional: true, MarkdownDescription: kindFilterDescription + " A Braze event stream (`amplitude_braze_destination`) is of kind `event` and/or `identify`, a Braze cohort destination (`amplitude_braze_cohort_destination`) of kind `cohort`.",
				Validators: []validator.String{stringvalidator.OneOf(destinationKinds...)},
			},
			"enabled": schema.BoolAttribute{Optional: true, MarkdownDescription: enabledFilterDescription},
			"ids": schema.ListAttribute{
				ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The ids of the destinations, in the order Amplitude lists them (oldest first).",
			},
			"destinations": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The destinations, in the order Amplitude lists them (oldest first).",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":      schema.StringAttribute{Computed: true, MarkdownDescription: "The destination's id, its import id."},
						"name":    schema.StringAttribute{Computed: true, MarkdownDescription: "The destination's name as Amplitude's dashboard shows it; names need not be unique."},
						"partner": schema.StringAttribute{Computed: true, MarkdownDescription: "The partner, such as `braze`."},
						"kind": schema.ListAttribute{
							ElementType: types.StringType, Computed: true,
							MarkdownDescription: "What the destination receives: `event` and/or `identify`, or `cohort`, or `warehouse_export`.",
						},
						"enabled": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the destination sends data, as Amplitude reports it."},
					},
				},
			},
		},
	}
}

func (d *destinationsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client, _ = developerFor(req.ProviderData, "amplitude_destinations", &resp.Diagnostics)
}

func (d *destinationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state destinationsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	listed, err := d.client.ListDestinations(ctx, developer.DestinationFilter{
		Query:   state.Search.ValueString(),
		Partner: state.Partner.ValueString(),
		Kind:    state.Kind.ValueString(),
		Enabled: knownBool(state.Enabled),
	})
	if err != nil {
		resp.Diagnostics.AddError("Cannot list Amplitude destinations", err.Error())
		return
	}
	state.IDs, state.Destinations = []string{}, []listedDestinationModel{}
	for _, dest := range listed {
		state.IDs = append(state.IDs, dest.ID)
		state.Destinations = append(state.Destinations, listedDestinationModel{
			ID:      types.StringValue(dest.ID),
			Name:    types.StringValue(dest.DisplayName),
			Partner: types.StringValue(dest.Partner),
			Kind:    dest.Kind,
			Enabled: types.BoolPointerValue(dest.Enabled),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
