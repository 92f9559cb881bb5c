package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var _ list.ListResourceWithConfigure = (*eventPropertyList)(nil)

// NewEventPropertyList lists the amplitude_event_property objects of one
// event, for terraform query.
func NewEventPropertyList() list.ListResource {
	return &eventPropertyList{developerList{typeSuffix: "_event_property"}}
}

type eventPropertyList struct {
	developerList
}

type eventPropertyFilters struct {
	EventType  types.String `tfsdk:"event_type"`
	NamePrefix types.String `tfsdk:"name_prefix"`
	Type       types.String `tfsdk:"type"`
}

func (l *eventPropertyList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The properties one event has in the project's tracking plan (Developer API, scope `taxonomy:read`), each with its identity; with `include_resource = true`, the whole `amplitude_event_property`. " +
			"Properties that only have data, outside the plan, are left out: there is nothing in the plan to import. " +
			"Each result shows the property's name. A query reads a page of 200 at a time and changes nothing.",
		Attributes: map[string]schema.Attribute{
			"event_type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The event whose properties to list, e.g. `Purchase`. An event that is not in the tracking plan is an error.",
				Validators:          []validator.String{validators.NotBlank(), validators.Trimmed()},
			},
			"name_prefix": namePrefixFilter("properties"),
			"type":        propertyTypeFilter(),
		},
	}
}

func (l *eventPropertyList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters eventPropertyFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		listFailed(stream, diags)
		return
	}
	eventType := filters.EventType.ValueString()
	props, err := l.client.ListEventProperties(ctx, eventType)
	if developer.IsNotFound(err) {
		var diags diag.Diagnostics
		diags.AddAttributeError(path.Root("event_type"), "No such event in the tracking plan",
			fmt.Sprintf("event_type: %q is not an event of project %s's tracking plan: %v", eventType, l.client.ProjectID(), err))
		listFailed(stream, diags)
		return
	}
	if err != nil {
		listError(stream, "Cannot list the Amplitude event properties", err)
		return
	}
	var found []listed
	for _, p := range props {
		if !manageableProperty(p) || !matchesPrefix(filters.NamePrefix, p.PropertyName) || !matchesString(filters.Type, propertyTypeOf(p)) {
			continue
		}
		found = append(found, listed{
			displayName: p.PropertyName,
			identity:    newEventPropertyIdentity(l.client, eventType, p.PropertyName),
			model:       eventPropertyFromAPI(&p, eventPropertyModel{}),
		})
	}
	stream.Results = streamListed(ctx, req, found)
}
