package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

var _ datasource.DataSourceWithConfigure = (*eventTypesDataSource)(nil)

// NewEventTypesDataSource is the amplitude_event_types data source.
func NewEventTypesDataSource() datasource.DataSource { return &eventTypesDataSource{} }

type eventTypesDataSource struct {
	client *developer.Client
}

type eventTypesModel struct {
	Names  []string         `tfsdk:"names"`
	Events []eventTypeModel `tfsdk:"events"`
}

func (d *eventTypesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_event_types"
}

func (d *eventTypesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every event type in the project's tracking plan, from the Developer API (`GET /v1/projects/{project_id}/events`, scope `taxonomy:read`): " +
			"for `for_each` over the plan's events, or to check names before a stream forwards them.",
		Attributes: map[string]schema.Attribute{
			"names": schema.SetAttribute{
				ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The event types, for `for_each` and `contains()`.",
			},
			"events": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The events, ordered by event type.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id":           schema.StringAttribute{Computed: true, MarkdownDescription: "The event type."},
						"name":         schema.StringAttribute{Computed: true, MarkdownDescription: "The event type."},
						"display_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The name Amplitude's charts show."},
						"description":  schema.StringAttribute{Computed: true, MarkdownDescription: "What the event means, null when none is set."},
						"is_active":    schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the event counts as user activity."},
					},
				},
			},
		},
	}
}

func (d *eventTypesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client, _ = developerFor(req.ProviderData, "amplitude_event_types", &resp.Diagnostics)
}

func (d *eventTypesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	events, err := d.client.ListEvents(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Cannot list the Amplitude event types", err.Error())
		return
	}
	state := eventTypesModel{Names: []string{}, Events: []eventTypeModel{}}
	for i := range events {
		state.Names = append(state.Names, events[i].EventType)
		state.Events = append(state.Events, eventTypeFromAPI(&events[i]))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}
