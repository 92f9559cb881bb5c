package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ list.ListResourceWithConfigure = (*eventTypeList)(nil)

// NewEventTypeList lists the amplitude_event_type objects of the project's
// tracking plan, for terraform query.
func NewEventTypeList() list.ListResource {
	return &eventTypeList{developerList{typeSuffix: "_event_type"}}
}

type eventTypeList struct {
	developerList
}

type eventTypeFilters struct {
	NamePrefix types.String `tfsdk:"name_prefix"`
	IsActive   types.Bool   `tfsdk:"is_active"`
}

func (l *eventTypeList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The events of the project's tracking plan (Developer API, scope `taxonomy:read`), each with its identity; with `include_resource = true`, the whole `amplitude_event_type`. " +
			"Each result shows the event's display name. A query reads the plan a page of 200 at a time and changes nothing.",
		Attributes: map[string]schema.Attribute{
			"name_prefix": namePrefixFilter("events"),
			"is_active": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Only events that count as user activity (`true`) or only those that do not (`false`).",
			},
		},
	}
}

func (l *eventTypeList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters eventTypeFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		listFailed(stream, diags)
		return
	}
	events, err := l.client.ListEvents(ctx)
	if err != nil {
		listError(stream, "Cannot list the Amplitude event types", err)
		return
	}
	var found []listed
	for i := range events {
		e := &events[i]
		if !matchesPrefix(filters.NamePrefix, e.EventType) || !matchesBool(filters.IsActive, e.IsActive) {
			continue
		}
		found = append(found, listed{
			displayName: displayNameOr(e.DisplayName, e.EventType),
			identity:    newPlanObjectIdentity(l.client, e.EventType),
			model:       eventTypeFromAPI(e),
		})
	}
	stream.Results = streamListed(ctx, req, found)
}

// displayNameOr is the name Amplitude shows: the display name when there
// is one, else the name.
func displayNameOr(displayName, name string) string {
	if displayName == "" {
		return name
	}
	return displayName
}
