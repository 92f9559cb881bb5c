package amplitude

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

// The list resources of the three destination resources, for terraform
// query (Terraform 1.14+). Each pages through the project's destinations
// with Amplitude's own filters, keeps those its resource manages, and
// streams each as soon as its page arrives. A listing only reads: it sends
// GET requests and nothing else.

var _ list.ListResourceWithConfigure = (*destinationList)(nil)

// destinationList is one destination resource's list resource.
type destinationList struct {
	// typeName is the resource's type name without the provider's name,
	// e.g. "_destination".
	typeName    string
	description string
	// attributes are the list block's filters, among search, partner, kind
	// and enabled.
	attributes map[string]listschema.Attribute
	// fixed is the filter every one of the resource's destinations passes,
	// such as partner braze. The list block's filters narrow it further.
	fixed developer.DestinationFilter
	// manages reports whether the resource manages a destination from
	// Amplitude's answer; the listing keeps only those.
	manages func(*developer.Destination) bool
	// fill sets a result's resource from a destination, the same way an
	// import of that destination would read it.
	fill func(ctx context.Context, d *developer.Destination, resource *tfsdk.Resource) diag.Diagnostics

	client *developer.Client
}

// streamKinds are the kinds a Braze event stream may have.
var streamKinds = []string{developer.KindEvent, developer.KindIdentify}

// NewBrazeDestinationList is the amplitude_braze_destination list
// resource: the project's Braze event streams.
func NewBrazeDestinationList() list.ListResource {
	return &destinationList{
		typeName: "_braze_destination",
		description: "Lists the project's **Braze (Event Stream)** destinations (partner `braze`, kind `event` and/or `identify`), each named as Amplitude's dashboard names it, with its identity (`project_id`, `id`), for `terraform query` (Terraform 1.14+). " +
			"A query only reads: 200 destinations a request. On OpenTofu, the `amplitude_destinations` data source lists the same.\n\n" + adoptionNote("braze_api_key", "braze_api_key_wo_version"),
		attributes: map[string]listschema.Attribute{
			"search": searchFilter,
			"kind": listschema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only destinations whose kind includes this: `event` (they forward events, `send_events`) or `identify` (they send user properties, `send_users`).",
				Validators:          []validator.String{stringvalidator.OneOf(streamKinds...)},
			},
			"enabled": enabledFilter,
		},
		fixed:   developer.DestinationFilter{Partner: developer.PartnerBraze},
		manages: func(d *developer.Destination) bool { return developer.IsEventStreaming(d.Kind) },
		fill: func(ctx context.Context, d *developer.Destination, r *tfsdk.Resource) diag.Diagnostics {
			m, diags := brazeDestinationModel{}.fromDestination(d)
			return append(diags, r.Set(ctx, m)...)
		},
	}
}

// NewBrazeCohortDestinationList is the amplitude_braze_cohort_destination
// list resource: the project's Braze cohort destinations. It has no kind or
// enabled filter, because every cohort destination has the kind cohort
// alone, and only event streams can be disabled.
func NewBrazeCohortDestinationList() list.ListResource {
	return &destinationList{
		typeName: "_braze_cohort_destination",
		description: "Lists the project's **Braze (Cohort Sync)** destinations (partner `braze`, kind `cohort`), each named as Amplitude's dashboard names it, with its identity (`project_id`, `id`), for `terraform query` (Terraform 1.14+). " +
			"There is no kind or enabled filter: every one is of kind `cohort`, and cohort destinations cannot be disabled. " +
			"A query only reads: 200 destinations a request. On OpenTofu, the `amplitude_destinations` data source lists the same.\n\n" + adoptionNote("data_import_key", "data_import_key_wo_version"),
		attributes: map[string]listschema.Attribute{"search": searchFilter},
		fixed:      developer.DestinationFilter{Partner: developer.PartnerBraze, Kind: developer.KindCohort},
		manages:    func(d *developer.Destination) bool { return slices.Equal(d.Kind, []string{developer.KindCohort}) },
		fill: func(ctx context.Context, d *developer.Destination, r *tfsdk.Resource) diag.Diagnostics {
			m, diags := brazeCohortDestinationModel{}.fromDestination(d)
			return append(diags, r.Set(ctx, m)...)
		},
	}
}

// NewDestinationList is the amplitude_destination list resource: the
// project's destinations of any partner.
func NewDestinationList() list.ListResource {
	return &destinationList{
		typeName: "_destination",
		description: "Lists the project's destinations of any partner, each named as Amplitude's dashboard names it, with its identity (`project_id`, `id`), for `terraform query` (Terraform 1.14+). " +
			"A query only reads: 200 destinations a request. On OpenTofu, the `amplitude_destinations` data source lists the same. " +
			"The generated configuration of a destination holds no `secret_config`, as Amplitude never returns secrets: applied as it is, the plan after is empty; the `amplitude_destination` resource's page says how to add its secrets.",
		attributes: map[string]listschema.Attribute{
			"search": searchFilter,
			"partner": listschema.StringAttribute{
				Optional:            true,
				MarkdownDescription: partnerFilterDescription,
				Validators:          []validator.String{validators.NotBlank()},
			},
			"kind": listschema.StringAttribute{
				Optional:            true,
				MarkdownDescription: kindFilterDescription,
				Validators:          []validator.String{stringvalidator.OneOf(destinationKinds...)},
			},
			"enabled": enabledFilter,
		},
		manages: func(*developer.Destination) bool { return true },
		fill: func(ctx context.Context, d *developer.Destination, r *tfsdk.Resource) diag.Diagnostics {
			m, diags := genericDestinationModel{SecretConfig: types.MapNull(types.StringType)}.fromDestination(ctx, d)
			return append(diags, r.Set(ctx, m)...)
		},
	}
}

// The filters' descriptions, which the amplitude_destinations data source
// shares.
const (
	searchFilterDescription  = "Only destinations whose name matches this text, by Amplitude's search of destination names (the `q` filter of its list of destinations)."
	partnerFilterDescription = "Only destinations of this partner, such as `braze` (the `amplitude_destination_type` data source reads a partner)."
	enabledFilterDescription = "Only destinations that are enabled (`true`) or disabled (`false`). Left out, both."
)

var kindFilterDescription = "Only destinations whose kind includes this: one of " + backtickList(destinationKinds) + "."

var (
	searchFilter = listschema.StringAttribute{
		Optional:            true,
		MarkdownDescription: searchFilterDescription,
		Validators:          []validator.String{validators.NotBlank()},
	}
	enabledFilter = listschema.BoolAttribute{
		Optional:            true,
		MarkdownDescription: enabledFilterDescription,
	}
)

func (l *destinationList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + l.typeName
}

func (l *destinationList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{MarkdownDescription: l.description, Attributes: l.attributes}
}

func (l *destinationList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	l.client, _ = developerFor(req.ProviderData, "amplitude"+l.typeName, &resp.Diagnostics)
}

func (l *destinationList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	filter, diags := l.filter(ctx, req.Config)
	if diags.HasError() || l.client == nil {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = l.results(ctx, req, filter)
}

// filter returns the filter to send to Amplitude: the resource's fixed
// filter, narrowed by the list block's filters.
func (l *destinationList) filter(ctx context.Context, config tfsdk.Config) (developer.DestinationFilter, diag.Diagnostics) {
	var diags diag.Diagnostics
	f := l.fixed
	var search, partner, kind types.String
	var enabled types.Bool
	for name, target := range map[string]any{"search": &search, "partner": &partner, "kind": &kind, "enabled": &enabled} {
		if _, offered := l.attributes[name]; offered {
			diags.Append(config.GetAttribute(ctx, path.Root(name), target)...)
		}
	}
	if !search.IsNull() {
		f.Query = search.ValueString()
	}
	if !partner.IsNull() {
		f.Partner = partner.ValueString()
	}
	if !kind.IsNull() {
		f.Kind = kind.ValueString()
	}
	f.Enabled = knownBool(enabled)
	return f, diags
}

// results streams the destinations that filter selects and the resource
// manages, at most req.Limit of them. Each result is named as Amplitude's
// dashboard names the destination and carries its identity, and the whole
// resource when the list block asks for it. A destination the resource
// cannot show is listed with a warning saying why, so that one odd
// destination does not hide the others.
func (l *destinationList) results(ctx context.Context, req list.ListRequest, filter developer.DestinationFilter) iter.Seq[list.ListResult] {
	return func(push func(list.ListResult) bool) {
		var pushed int64
		for page, err := range l.client.DestinationPages(ctx, filter) {
			if err != nil {
				var diags diag.Diagnostics
				diags.AddError("Cannot list Amplitude destinations", err.Error())
				push(list.ListResult{Diagnostics: diags})
				return
			}
			for i := range page {
				d := &page[i]
				if !l.manages(d) {
					continue
				}
				if req.Limit > 0 && pushed >= req.Limit {
					return
				}
				pushed++
				if !push(l.result(ctx, req, d)) {
					return
				}
			}
		}
	}
}

func (l *destinationList) result(ctx context.Context, req list.ListRequest, d *developer.Destination) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = d.DisplayName
	setDestinationIdentity(ctx, result.Identity, l.client.ProjectID(), d.ID, &result.Diagnostics)
	if !req.IncludeResource {
		return result
	}
	for _, found := range l.fill(ctx, d, result.Resource) {
		if found.Severity() == diag.SeverityError {
			result.Diagnostics.AddWarning("Destination "+d.ID+" listed without its attributes", fmt.Sprintf("%s: %s", found.Summary(), found.Detail()))
		} else {
			result.Diagnostics.Append(found)
		}
	}
	return result
}
