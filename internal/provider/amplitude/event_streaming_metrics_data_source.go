package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var _ datasource.DataSourceWithConfigure = (*eventStreamingMetricsDataSource)(nil)

// NewEventStreamingMetricsDataSource is the amplitude_event_streaming_metrics data source.
func NewEventStreamingMetricsDataSource() datasource.DataSource {
	return &eventStreamingMetricsDataSource{}
}

type eventStreamingMetricsDataSource struct {
	client *amplitude.Client
}

type eventStreamingMetricsModel struct {
	SyncID                types.String  `tfsdk:"sync_id"`
	TimePeriod            types.String  `tfsdk:"time_period"`
	EventsDelivered       types.Int64   `tfsdk:"events_delivered"`
	EventsNotDelivered    types.Int64   `tfsdk:"events_not_delivered"`
	DeliveryRate          types.Float64 `tfsdk:"delivery_rate"`
	LatencyInSeconds      types.Float64 `tfsdk:"latency_in_seconds"`
	TimePeriodStart       types.String  `tfsdk:"time_period_start"`
	TimePeriodEnd         types.String  `tfsdk:"time_period_end"`
	SuccessOnFirstAttempt types.Int64   `tfsdk:"success_on_first_attempt"`
	SuccessAfterRetry     types.Int64   `tfsdk:"success_after_retry"`
	EventsExpired         types.Int64   `tfsdk:"events_expired"`
	EventsDiscarded       types.Int64   `tfsdk:"events_discarded"`
}

func (d *eventStreamingMetricsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_event_streaming_metrics"
}

func (d *eventStreamingMetricsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	count := func(what string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: what}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Delivery figures of an event-streaming destination over a time period, from Amplitude's " +
			"`GET /api/2/event-streaming/delivery-metrics-summary`. " +
			"**Cost:** one request per data source, against Amplitude's limits for this API of 4 concurrent requests and 12 a minute per project: " +
			"past them the provider waits for the next minute rather than fail, so a configuration with more than 12 of these plans more slowly.",
		Attributes: map[string]schema.Attribute{
			"sync_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The destination's sync id: `amplitude_braze_destination.<name>.id`.",
				Validators:          []validator.String{validators.NotBlank()},
			},
			"time_period": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The period summarised, ending now: one of " + backtickList(amplitude.DeliveryTimePeriods) + ".",
				Validators:          []validator.String{stringvalidator.OneOf(amplitude.DeliveryTimePeriods...)},
			},
			"events_delivered":         count("Events delivered."),
			"events_not_delivered":     count("Events not delivered."),
			"delivery_rate":            schema.Float64Attribute{Computed: true, MarkdownDescription: "The fraction delivered, 0 to 1."},
			"latency_in_seconds":       schema.Float64Attribute{Computed: true, MarkdownDescription: "The 95th-percentile delivery latency, in seconds."},
			"time_period_start":        schema.StringAttribute{Computed: true, MarkdownDescription: "The period's start, UTC, as Amplitude writes it."},
			"time_period_end":          schema.StringAttribute{Computed: true, MarkdownDescription: "The period's end, UTC, as Amplitude writes it."},
			"success_on_first_attempt": count("Events delivered on the first attempt."),
			"success_after_retry":      count("Events delivered after a retry."),
			"events_expired":           count("Events not sent after all retry attempts."),
			"events_discarded":         count("Events not sent because their data was incomplete or invalid."),
		},
	}
}

func (d *eventStreamingMetricsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = basicFor(req.ProviderData, "amplitude_event_streaming_metrics", &resp.Diagnostics)
}

func (d *eventStreamingMetricsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config eventStreamingMetricsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m, err := d.client.DeliveryMetricsSummary(ctx, config.SyncID.ValueString(), config.TimePeriod.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the event-streaming delivery metrics", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, eventStreamingMetricsModel{
		SyncID:                config.SyncID,
		TimePeriod:            config.TimePeriod,
		EventsDelivered:       types.Int64Value(m.EventsDelivered),
		EventsNotDelivered:    types.Int64Value(m.EventsNotDelivered),
		DeliveryRate:          types.Float64Value(m.DeliveryRate),
		LatencyInSeconds:      types.Float64Value(m.LatencyInSeconds),
		TimePeriodStart:       types.StringValue(m.TimePeriodStart),
		TimePeriodEnd:         types.StringValue(m.TimePeriodEnd),
		SuccessOnFirstAttempt: types.Int64Value(m.SuccessOnFirstAttempt),
		SuccessAfterRetry:     types.Int64Value(m.SuccessAfterRetry),
		EventsExpired:         types.Int64Value(m.EventsExpired),
		EventsDiscarded:       types.Int64Value(m.EventsDiscarded),
	})...)
}
