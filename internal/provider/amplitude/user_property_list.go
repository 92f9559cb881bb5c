package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

var _ list.ListResourceWithConfigure = (*userPropertyList)(nil)

// NewUserPropertyList lists the amplitude_user_property objects of the
// project's tracking plan, for terraform query.
func NewUserPropertyList() list.ListResource {
	return &userPropertyList{developerList{typeSuffix: "_user_property"}}
}

type userPropertyList struct {
	developerList
}

type userPropertyFilters struct {
	NamePrefix types.String `tfsdk:"name_prefix"`
	Type       types.String `tfsdk:"type"`
}

func (l *userPropertyList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The user properties of the project's tracking plan (Developer API, scope `taxonomy:read`), each with its identity; with `include_resource = true`, the whole `amplitude_user_property`. " +
			"Amplitude's own properties (such as `country`) and properties that only have data, outside the plan, are left out: neither can be managed. " +
			"Each result shows the property's display name, or its name when it has none. A query reads a page of 200 at a time and changes nothing.",
		Attributes: map[string]schema.Attribute{
			"name_prefix": namePrefixFilter("properties"),
			"type":        propertyTypeFilter(),
		},
	}
}

func (l *userPropertyList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var filters userPropertyFilters
	if diags := req.Config.Get(ctx, &filters); diags.HasError() {
		listFailed(stream, diags)
		return
	}
	props, err := l.client.ListUserProperties(ctx)
	if err != nil {
		listError(stream, "Cannot list the Amplitude user properties", err)
		return
	}
	var found []listed
	for _, p := range props {
		if !manageableProperty(p) || facts.IsAmplitudeDefaultUserProperty(p.PropertyName) ||
			!matchesPrefix(filters.NamePrefix, p.PropertyName) || !matchesString(filters.Type, propertyTypeOf(p)) {
			continue
		}
		display := p.PropertyName
		if p.DisplayName != nil {
			display = displayNameOr(*p.DisplayName, p.PropertyName)
		}
		found = append(found, listed{
			displayName: display,
			identity:    newPlanObjectIdentity(l.client, p.PropertyName),
			model:       userPropertyFromAPI(&p, userPropertyModel{}),
		})
	}
	stream.Results = streamListed(ctx, req, found)
}
