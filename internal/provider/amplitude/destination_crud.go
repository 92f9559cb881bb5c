package amplitude

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
)

// destinationComputed are the attributes Amplitude sets on every
// destination. None is ever a diff: they change when the destination does.
type destinationComputed struct {
	ID               types.String `tfsdk:"id"`
	Version          types.Int64  `tfsdk:"version"`
	CredentialStatus types.String `tfsdk:"credential_status"`
	CreatedAt        types.String `tfsdk:"created_at"`
	UpdatedAt        types.String `tfsdk:"updated_at"`
}

func computedFrom(d *developer.Destination) destinationComputed {
	return destinationComputed{
		ID:               types.StringValue(d.ID),
		Version:          types.Int64Value(d.Version),
		CredentialStatus: types.StringValue(d.CredentialStatus),
		CreatedAt:        types.StringValue(d.CreatedAt),
		UpdatedAt:        types.StringValue(d.UpdatedAt),
	}
}

// computedAttributes describes destinationComputed; id says what the id is
// for.
func computedAttributes(id string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: id,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"version": schema.Int64Attribute{
			Computed: true,
			MarkdownDescription: "The version Amplitude holds, raised by every change. An update is sent for this version only: " +
				"a destination changed in Amplitude after the plan was made fails the apply instead of being overwritten.",
		},
		"credential_status": schema.StringAttribute{
			Computed: true,
			MarkdownDescription: "Whether the partner accepts the stored credential: `connected`, `disconnected` or `expired`, as Amplitude reports it. " +
				"Anything but `connected` makes the next plan send the configured secret again.",
		},
		"created_at": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "When the destination was created (RFC 3339).",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"updated_at": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "When the destination last changed (RFC 3339).",
		},
	}
}

// destinationModel is what the models of the destination resources offer
// the CRUD they share.
type destinationModel[M any] interface {
	computed() destinationComputed
	withComputed(destinationComputed) M
	partner() string
	// secretsToSend reads the secret parameters to send, by parameter id:
	// from the plan's sensitive attribute or the configuration's write-only
	// one.
	secretsToSend(ctx context.Context, config configGetter, diags *diag.Diagnostics) map[string]string
	// spec is the destination write of the model, with secrets. prior is
	// the state before an update (nil on create), for parameters to remove.
	spec(ctx context.Context, t *developer.DestinationType, secrets map[string]string, prior *M) (developer.DestinationSpec, diag.Diagnostics)
	// withServerState is the model as Amplitude holds d, keeping what
	// Amplitude never returns (the secrets' forms) from the receiver.
	withServerState(ctx context.Context, d *developer.Destination) (M, diag.Diagnostics)
	// disconnected arranges for the secret to be sent again.
	disconnected(status string, diags *diag.Diagnostics) M
	// fieldPath maps a field of Amplitude's validation errors to the
	// attribute it came from.
	fieldPath(field string) (path.Path, bool)
	// checkType refuses, before anything is written, a partner type that
	// does not take what the model writes.
	checkType(t *developer.DestinationType, secrets map[string]string, diags *diag.Diagnostics)
	// eventStreaming reports whether the destination streams events, the
	// only kind a destroy can disable rather than leave as it is.
	eventStreaming() bool
}

// destinationCRUD implements the resource methods the destination resources
// share, on Amplitude's Developer API.
type destinationCRUD[M destinationModel[M]] struct {
	client  *developer.Client
	clients *clients
	// typeName names the resource type in messages.
	typeName string
	// what names the object in messages, e.g. "Amplitude Braze destination".
	what string
	// accepts reports whether a destination Amplitude holds is one this
	// resource manages (its partner and kinds), for Read and import.
	accepts func(*developer.Destination) error
}

func (c *destinationCRUD[M]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	c.client, c.clients = developerFor(req.ProviderData, c.typeName, &resp.Diagnostics)
}

func (c *destinationCRUD[M]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	spec := c.checkedSpec(ctx, plan, nil, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := c.client.CreateDestination(ctx, plan.partner(), spec)
	if err != nil {
		c.addWriteError(&resp.Diagnostics, "create", plan, err)
		return
	}
	next, diags := plan.withServerState(ctx, created)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, next.withComputed(computedFrom(created)))...)
}

func (c *destinationCRUD[M]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.computed().ID.ValueString()
	d, err := c.client.GetDestination(ctx, id)
	if developer.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("%s %q", c.what, id))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the "+c.what, err.Error())
		return
	}
	if err := c.accepts(d); err != nil {
		resp.Diagnostics.AddError("Not a destination this resource manages", fmt.Sprintf("Destination %s: %v", id, err))
		return
	}
	next, diags := state.withServerState(ctx, d)
	resp.Diagnostics.Append(diags...)
	if d.CredentialStatus != developer.CredentialConnected {
		next = next.disconnected(d.CredentialStatus, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, next.withComputed(computedFrom(d)))...)
}

func (c *destinationCRUD[M]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	spec := c.checkedSpec(ctx, plan, &state, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	known := state.computed()
	updated, err := c.client.UpdateDestination(ctx, known.ID.ValueString(), known.Version.ValueInt64(), spec)
	if err != nil {
		c.addWriteError(&resp.Diagnostics, "update", plan, err)
		return
	}
	next, diags := plan.withServerState(ctx, updated)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, next.withComputed(computedFrom(updated)))...)
}

// Delete does what the Developer API allows, which has no delete: an
// event-streaming destination is disabled and stays in Amplitude; any other
// is left as it is. Either way Terraform forgets it, and says so.
func (c *destinationCRUD[M]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.computed().ID.ValueString()
	if !state.eventStreaming() {
		resp.Diagnostics.AddWarning(c.what+" left in Amplitude",
			fmt.Sprintf("Amplitude's Developer API cannot delete destination %s: it is removed from Terraform's state but stays in Amplitude. Delete it in Amplitude's dashboard (Data › Destinations) if it is no longer wanted.", id))
		return
	}
	_, err := c.client.DisableDestination(ctx, id)
	switch {
	case developer.IsNotFound(err):
		return
	case err != nil:
		resp.Diagnostics.AddError("Cannot disable the "+c.what, err.Error())
		return
	}
	resp.Diagnostics.AddWarning(c.what+" disabled, not deleted",
		fmt.Sprintf("Amplitude's Developer API cannot delete destination %s: it is now disabled (enabled = false) and stays in Amplitude, removed from Terraform's state. "+
			"Delete it in Amplitude's dashboard (Data › Destinations) if it is no longer wanted. Applying the configuration again creates a new destination.", id))
}

// ImportState takes the destination's id, which Amplitude assigns.
func (c *destinationCRUD[M]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}

// checkedSpec builds the write of plan after checking, once per run, that
// Amplitude's type of the partner takes what the model writes.
func (c *destinationCRUD[M]) checkedSpec(ctx context.Context, plan M, prior *M, config configGetter, diags *diag.Diagnostics) developer.DestinationSpec {
	t, err := c.client.DestinationType(ctx, plan.partner())
	if err != nil {
		diags.AddError("Cannot read Amplitude's "+plan.partner()+" destination type", err.Error())
		return developer.DestinationSpec{}
	}
	secrets := plan.secretsToSend(ctx, config, diags)
	plan.checkType(t, secrets, diags)
	if diags.HasError() {
		return developer.DestinationSpec{}
	}
	spec, d := plan.spec(ctx, t, secrets, prior)
	diags.Append(d...)
	return spec
}

// addWriteError reports a refused write, each field error on its attribute.
func (c *destinationCRUD[M]) addWriteError(diags *diag.Diagnostics, verb string, m M, err error) {
	summary := fmt.Sprintf("Cannot %s the %s", verb, c.what)
	if developer.IsVersionMismatch(err) {
		addVersionConflict(diags, c.what, err)
		return
	}
	if !addFieldErrors(diags, summary, m, err) {
		diags.AddError(summary, err.Error())
	}
}

// addVersionConflict reports a destination changed in Amplitude since the
// state the plan was made from: nothing was written, and planning again
// shows the change.
func addVersionConflict(diags *diag.Diagnostics, what string, err error) {
	diags.AddError("The "+what+" changed in Amplitude after this plan was made",
		err.Error()+". Run terraform plan again to see the change, then apply the new plan.")
}

// addFieldErrors puts each of a refusal's validation errors on the attribute
// it names, and reports whether there were any.
func addFieldErrors[M destinationModel[M]](diags *diag.Diagnostics, summary string, m M, err error) bool {
	fields := developer.FieldErrors(err)
	for _, f := range fields {
		detail := fmt.Sprintf("Amplitude: %s: %s", f.Field, f.Message)
		if p, ok := m.fieldPath(f.Field); ok {
			diags.AddAttributeError(p, summary, detail)
		} else {
			diags.AddError(summary, detail)
		}
	}
	return len(fields) > 0
}

// dryRun asks Amplitude to validate the planned write, when there is one
// and every configured value is known, and shows its verdict: validation
// errors on their attributes, warnings as warnings.
func (c *destinationCRUD[M]) dryRun(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if c.client == nil || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) || !req.Config.Raw.IsFullyKnown() {
		return
	}
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var prior *M
	if !req.State.Raw.IsNull() {
		var state M
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		prior = &state
	}
	if resp.Diagnostics.HasError() {
		return
	}
	spec := c.checkedSpec(ctx, plan, prior, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !c.clients.dryRunOnPlan {
		return
	}
	var result *developer.Plan
	var err error
	if prior == nil {
		_, result, err = c.client.DryRunCreate(ctx, plan.partner(), spec)
	} else {
		known := (*prior).computed()
		_, result, err = c.client.DryRunUpdate(ctx, known.ID.ValueString(), known.Version.ValueInt64(), spec)
	}
	switch {
	case developer.IsScopeError(err):
		resp.Diagnostics.AddWarning("Amplitude did not check this plan",
			fmt.Sprintf("%s: %v. Plans need only destinations:read; the dry run that checks a planned change, and the apply, need destinations:write.", c.typeName, err))
		return
	case developer.IsVersionMismatch(err):
		addVersionConflict(&resp.Diagnostics, c.what, err)
		return
	case err != nil:
		if !addFieldErrors(&resp.Diagnostics, "Amplitude refuses this "+c.what, plan, err) {
			resp.Diagnostics.AddError("Amplitude refuses this "+c.what, err.Error())
		}
		return
	}
	for _, w := range result.Warnings {
		resp.Diagnostics.AddWarning("Amplitude warns about this "+c.what, w)
	}
}

// fieldSegment is one step of a validation error's field, such as
// "identifier_mappings[1]".
var fieldSegment = regexp.MustCompile(`^([^\[\]]+)((?:\[\d+\])*)$`)

// translatePath maps a dotted field of Amplitude's validation errors onto an
// attribute path: prefixes maps a leading field ("config.app_id") to the
// attribute it comes from, and what follows is kept, names as attribute
// names and [i] as list indexes.
func translatePath(field string, prefixes map[string]path.Path) (path.Path, bool) {
	parts := strings.Split(field, ".")
	for n := len(parts); n > 0; n-- {
		head := strings.Join(parts[:n], ".")
		base, indexes := head, ""
		if m := fieldSegment.FindStringSubmatch(parts[n-1]); m != nil && m[2] != "" {
			base, indexes = strings.Join(append(parts[:n-1:n-1], m[1]), "."), m[2]
		}
		p, ok := prefixes[base]
		if !ok {
			continue
		}
		p = withIndexes(p, indexes)
		for _, part := range parts[n:] {
			m := fieldSegment.FindStringSubmatch(part)
			if m == nil {
				return p, true
			}
			p = withIndexes(p.AtName(m[1]), m[2])
		}
		return p, true
	}
	return path.Empty(), false
}

func withIndexes(p path.Path, indexes string) path.Path {
	for _, i := range regexp.MustCompile(`\d+`).FindAllString(indexes, -1) {
		n, _ := strconv.Atoi(i)
		p = p.AtListIndex(n)
	}
	return p
}

// errWrongDestination is what accepts returns for a destination of another
// partner or kind.
func errWrongDestination(d *developer.Destination, want string) error {
	return errors.New("it is a " + d.Partner + " destination of kind [" + strings.Join(d.Kind, ", ") + "]; this resource manages " + want)
}
