package braze

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

var _ datasource.DataSourceWithConfigure = (*segmentsDataSource)(nil)

// NewSegmentsDataSource is the braze_segments data source.
func NewSegmentsDataSource() datasource.DataSource { return &segmentsDataSource{} }

type segmentsDataSource struct {
	client *braze.Client
}

type segmentsModel struct {
	Segments []segmentModel `tfsdk:"segments"`
	Names    []string       `tfsdk:"names"`
}

type segmentModel struct {
	ID                       types.String `tfsdk:"id"`
	Name                     types.String `tfsdk:"name"`
	AnalyticsTrackingEnabled types.Bool   `tfsdk:"analytics_tracking_enabled"`
	Tags                     []string     `tfsdk:"tags"`
}

func (d *segmentsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_segments"
}

func (d *segmentsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every segment of the Braze workspace that is not archived, from Braze's `GET /segments/list` export, all pages: " +
			"a configuration can check that an Amplitude cohort arrived in Braze as a segment. The provider's key needs the `segments.list` permission. " +
			"**Cost:** one request per 100 segments, counted against Braze's default limit of 250,000 requests an hour; a run reads the pages once however many of these data sources it has.",
		Attributes: map[string]schema.Attribute{
			"names": schema.SetAttribute{
				ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The segments' names, for `contains()` checks.",
			},
			"segments": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The segments, oldest first.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":                         schema.StringAttribute{Computed: true, MarkdownDescription: "The segment's API identifier."},
						"name":                       schema.StringAttribute{Computed: true, MarkdownDescription: "Its name."},
						"analytics_tracking_enabled": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether analytics tracking is on for it."},
						"tags": schema.ListAttribute{
							ElementType: types.StringType, Computed: true,
							MarkdownDescription: "The tags on the segment.",
						},
					},
				},
			},
		},
	}
}

func (d *segmentsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *segmentsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	segments, err := d.client.ListSegments(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Cannot list the Braze segments", explain(err))
		return
	}
	state := segmentsModel{Segments: []segmentModel{}, Names: []string{}}
	for _, s := range segments {
		state.Names = append(state.Names, s.Name)
		state.Segments = append(state.Segments, segmentModel{
			ID:                       types.StringValue(s.ID),
			Name:                     types.StringValue(s.Name),
			AnalyticsTrackingEnabled: types.BoolValue(s.AnalyticsTrackingEnabled),
			Tags:                     orEmpty(s.Tags),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
