package braze

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

var _ datasource.DataSourceWithConfigure = (*customEventsDataSource)(nil)

// NewCustomEventsDataSource is the braze_custom_events data source.
func NewCustomEventsDataSource() datasource.DataSource { return &customEventsDataSource{} }

type customEventsDataSource struct {
	client *braze.Client
}

type customEventsModel struct {
	Events []customEventModel `tfsdk:"events"`
	Names  []string           `tfsdk:"names"`
}

type customEventModel struct {
	Name                      types.String `tfsdk:"name"`
	Description               types.String `tfsdk:"description"`
	IncludedInAnalyticsReport types.Bool   `tfsdk:"included_in_analytics_report"`
	Status                    types.String `tfsdk:"status"`
	TagNames                  []string     `tfsdk:"tag_names"`
}

func (d *customEventsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_events"
}

func (d *customEventsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every custom event the Braze workspace has recorded, from Braze's `GET /events` export, all pages: " +
			"a configuration can check that the events an Amplitude stream forwards arrive in Braze. The provider's key needs the `events.get` permission. " +
			"**Cost:** one request per 50 events, counted against Braze's limit of 1,000 requests an hour that `/events` shares with `/custom_attributes`, `/events/list` and `/purchases/product_list`; " +
			"a run reads the pages once however many of these data sources it has.",
		Attributes: map[string]schema.Attribute{
			"names": schema.SetAttribute{
				ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The events' names, for `contains()` checks.",
			},
			"events": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The custom events, in Braze's alphabetical order.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"name":                         schema.StringAttribute{Computed: true, MarkdownDescription: "The event's name."},
						"description":                  schema.StringAttribute{Computed: true, MarkdownDescription: "Its description, null when none is set."},
						"included_in_analytics_report": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether Braze's analytics report includes it."},
						"status":                       schema.StringAttribute{Computed: true, MarkdownDescription: "Its status, e.g. `Active` or `Blocklisted`."},
						"tag_names": schema.ListAttribute{
							ElementType: types.StringType, Computed: true,
							MarkdownDescription: "The tags on the event.",
						},
					},
				},
			},
		},
	}
}

func (d *customEventsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *customEventsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	events, err := d.client.ListCustomEvents(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Cannot list the Braze custom events", explain(err))
		return
	}
	state := customEventsModel{Events: []customEventModel{}, Names: []string{}}
	for _, e := range events {
		state.Names = append(state.Names, e.Name)
		state.Events = append(state.Events, customEventModel{
			Name:                      types.StringValue(e.Name),
			Description:               types.StringPointerValue(e.Description),
			IncludedInAnalyticsReport: types.BoolValue(e.IncludedInAnalyticsReport),
			Status:                    types.StringValue(e.Status),
			TagNames:                  orEmpty(e.TagNames),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
