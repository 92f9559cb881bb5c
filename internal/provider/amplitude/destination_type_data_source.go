package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var _ datasource.DataSourceWithConfigure = (*destinationTypeDataSource)(nil)

// NewDestinationTypeDataSource is the amplitude_destination_type data source.
func NewDestinationTypeDataSource() datasource.DataSource { return &destinationTypeDataSource{} }

type destinationTypeDataSource struct {
	client *developer.Client
}

type destinationTypeModel struct {
	Partner     types.String     `tfsdk:"partner"`
	ID          types.String     `tfsdk:"id"`
	DisplayName types.String     `tfsdk:"display_name"`
	Kinds       []string         `tfsdk:"kinds"`
	Parameters  []parameterModel `tfsdk:"parameters"`
}

type parameterModel struct {
	ID          types.String `tfsdk:"id"`
	Label       types.String `tfsdk:"label"`
	Kind        types.String `tfsdk:"kind"`
	Required    types.Bool   `tfsdk:"required"`
	Description types.String `tfsdk:"description"`
	EnumValues  []string     `tfsdk:"enum_values"`
	Secret      types.Bool   `tfsdk:"secret"`
}

func (d *destinationTypeDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_destination_type"
}

func (d *destinationTypeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A partner Amplitude can send to, with the kinds of data it takes and the parameters of its destinations' `config`, " +
			"from the Developer API's `GET /v1/destination-types/{partner}` (scope `destinations:read`). What `amplitude_destination` checks its `config` against.",
		Attributes: map[string]schema.Attribute{
			"partner": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The partner's key, e.g. `braze`.",
				Validators:          []validator.String{validators.NotBlank()},
			},
			"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The destination type's id."},
			"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The partner's name as Amplitude shows it."},
			"kinds": schema.ListAttribute{
				ElementType: types.StringType, Computed: true,
				MarkdownDescription: "What the partner takes: any of `event`, `identify` and `cohort`.",
			},
			"parameters": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The parameters of the partner's destinations, in Amplitude's order.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":          schema.StringAttribute{Computed: true, MarkdownDescription: "The parameter's key in `config` (or `secret_config`)."},
						"label":       schema.StringAttribute{Computed: true, MarkdownDescription: "The parameter's label in Amplitude's dashboard."},
						"kind":        schema.StringAttribute{Computed: true, MarkdownDescription: "The kind of value: `string`, `number`, `boolean`, `secret`, `oauth`, `enum`, `mapped_field` and others."},
						"required":    schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether every destination of the partner needs it."},
						"description": schema.StringAttribute{Computed: true, MarkdownDescription: "What the parameter is for, null when Amplitude gives nothing."},
						"enum_values": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The values an `enum` parameter takes; null for other kinds."},
						"secret":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether Amplitude keeps the value write-only: it goes in `secret_config`, never comes back."},
					},
				},
			},
		},
	}
}

func (d *destinationTypeDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client, _ = developerFor(req.ProviderData, "amplitude_destination_type", &resp.Diagnostics)
}

func (d *destinationTypeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config destinationTypeModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	t, err := d.client.DestinationType(ctx, config.Partner.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the Amplitude destination type", err.Error())
		return
	}
	out := destinationTypeModel{
		Partner:     types.StringValue(t.Partner),
		ID:          types.StringValue(t.ID),
		DisplayName: types.StringValue(t.DisplayName),
		Kinds:       t.Types,
		Parameters:  []parameterModel{},
	}
	for _, p := range t.Parameters {
		out.Parameters = append(out.Parameters, parameterModel{
			ID:          types.StringValue(p.ID),
			Label:       types.StringValue(p.Label),
			Kind:        types.StringValue(p.Kind),
			Required:    types.BoolValue(p.Required),
			Description: types.StringPointerValue(p.Description),
			EnumValues:  nilIfEmpty(p.EnumValues),
			Secret:      types.BoolValue(p.IsSecret()),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, out)...)
}
