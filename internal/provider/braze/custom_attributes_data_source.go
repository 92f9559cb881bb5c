package braze

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

var _ datasource.DataSourceWithConfigure = (*customAttributesDataSource)(nil)

// NewCustomAttributesDataSource is the braze_custom_attributes data source.
func NewCustomAttributesDataSource() datasource.DataSource { return &customAttributesDataSource{} }

type customAttributesDataSource struct {
	client *braze.Client
}

type customAttributesModel struct {
	Attributes []customAttributeModel `tfsdk:"attributes"`
}

type customAttributeModel struct {
	Name        types.String `tfsdk:"name"`
	DataType    types.String `tfsdk:"data_type"`
	Description types.String `tfsdk:"description"`
	Status      types.String `tfsdk:"status"`
	ArrayLength types.Int64  `tfsdk:"array_length"`
	TagNames    []string     `tfsdk:"tag_names"`
}

func (d *customAttributesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_attributes"
}

func (d *customAttributesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every custom attribute of the Braze workspace, from Braze's `GET /custom_attributes` export, all pages. " +
			"The provider's key needs the `custom_attributes.get` permission. Attributes written by Amplitude user-property and computation syncs appear once those syncs have run. " +
			"**Cost:** one request per 50 attributes, counted against Braze's limit of 1,000 requests an hour that `/custom_attributes` shares with `/events`, `/events/list` and `/purchases/product_list`; " +
			"a run reads the pages once however many of these data sources it has.",
		Attributes: map[string]schema.Attribute{
			"attributes": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The custom attributes, sorted by name as Braze returns them.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "The attribute's name."},
						"data_type":    schema.StringAttribute{Computed: true, MarkdownDescription: "Its data type, e.g. `String` or `Number`."},
						"description":  schema.StringAttribute{Computed: true, MarkdownDescription: "Its description, null when none is set."},
						"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "Its status, e.g. `Active`."},
						"array_length": schema.Int64Attribute{Computed: true, MarkdownDescription: "The maximum array length, null for non-arrays."},
						"tag_names": schema.ListAttribute{
							ElementType: types.StringType, Computed: true,
							MarkdownDescription: "The tags on the attribute.",
						},
					},
				},
			},
		},
	}
}

func (d *customAttributesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *customAttributesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	attributes, err := d.client.ListCustomAttributes(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Cannot list the Braze custom attributes", explain(err))
		return
	}
	state := customAttributesModel{Attributes: []customAttributeModel{}}
	for _, a := range attributes {
		tags := a.TagNames
		if tags == nil {
			tags = []string{}
		}
		state.Attributes = append(state.Attributes, customAttributeModel{
			Name:        types.StringValue(a.Name),
			DataType:    types.StringValue(a.DataType),
			Description: types.StringPointerValue(a.Description),
			Status:      types.StringValue(a.Status),
			ArrayLength: types.Int64PointerValue(a.ArrayLength),
			TagNames:    tags,
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
