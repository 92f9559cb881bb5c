package amplitude

import (
	"context"
	"iter"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

// This file holds what the list resources of the tracking plan and of syncs
// share: the filters named alike on each, and how a listing becomes results.
// A query only reads. Each listing follows the vendor's pages (the clients
// stop on a repeated cursor), and the filters that the vendor's list
// endpoints do not take are applied to what they return.

// developerList is what the lists of the tracking plan share: their type
// name, and the Developer API client.
type developerList struct {
	// typeSuffix follows the provider's name in the type name, e.g.
	// "_event_type".
	typeSuffix string
	client     *developer.Client
}

func (l *developerList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + l.typeSuffix
}

func (l *developerList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.client, _ = developerFor(req.ProviderData, "The amplitude"+l.typeSuffix+" list", &resp.Diagnostics)
}

// listed is one object a listing found, as a list result shows it.
type listed struct {
	// displayName is the object's name as Amplitude's dashboard shows it.
	displayName string
	identity    any
	// model is the resource's state, from the resource's own conversion, so
	// that an object imported from the result reads back the same.
	model any
}

// streamListed pushes a result per object, each with its identity and, when
// the query asks, the whole object.
func streamListed(ctx context.Context, req list.ListRequest, objects []listed) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		for _, o := range objects {
			result := req.NewListResult(ctx)
			result.DisplayName = o.displayName
			result.Diagnostics.Append(result.Identity.Set(ctx, o.identity)...)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, o.model)...)
			}
			if !push(result) {
				return
			}
		}
	}
}

// listFailed ends a listing with diags.
func listFailed(stream *list.ListResultsStream, diags diag.Diagnostics) {
	stream.Results = list.ListResultsStreamDiagnostics(diags)
}

// listError ends a listing with an error.
func listError(stream *list.ListResultsStream, summary string, err error) {
	var diags diag.Diagnostics
	diags.AddError(summary, err.Error())
	listFailed(stream, diags)
}

// namePrefixFilter is the name_prefix filter of every list.
func namePrefixFilter(what string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only " + what + " whose name starts with this text (case-sensitive), e.g. `checkout_`.",
		Validators:          []validator.String{validators.NotBlank()},
	}
}

// propertyTypeFilter is the type filter of the property lists.
func propertyTypeFilter() schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: "Only properties of this value type: one of " + backtickList(developer.PropertyDataTypes) + " (`any` is also an untyped property).",
		Validators:          []validator.String{stringvalidator.OneOf(developer.PropertyDataTypes...)},
	}
}

// matchesPrefix reports whether name passes a name_prefix filter.
func matchesPrefix(prefix types.String, name string) bool {
	return prefix.IsNull() || strings.HasPrefix(name, prefix.ValueString())
}

// matchesString reports whether value passes an optional equality filter.
func matchesString(filter types.String, value string) bool {
	return filter.IsNull() || filter.ValueString() == value
}

// matchesBool reports whether value passes an optional boolean filter.
func matchesBool(filter types.Bool, value bool) bool {
	return filter.IsNull() || filter.ValueBool() == value
}

// manageableProperty reports whether a listed property can be a resource:
// one in the tracking plan, and not one of Amplitude's own. Amplitude lists
// properties that only have data as well; importing one would find nothing
// to manage (the resource reads it as absent).
func manageableProperty(p developer.Property) bool {
	return p.IsInSchema && (p.IsOfficial == nil || !*p.IsOfficial)
}

// propertyTypeOf is a property's type as the resources hold it.
func propertyTypeOf(p developer.Property) string {
	if p.DataType == nil {
		return "any"
	}
	return *p.DataType
}
