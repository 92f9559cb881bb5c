package amplitude

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure        = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithImportState      = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithIdentity         = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithConfigValidators = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*brazeCohortDestinationResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*brazeCohortDestinationResource)(nil)
)

// Braze identifiers a cohort sync can match users by, in Amplitude's order.
var cohortIdentifiers = []string{"external_id", "device_id", "user_alias"}

var dataImportKey = secretAttribute{name: "data_import_key", parameter: developer.BrazeParamDataImportKey}

// brazeCohortDestinationWhat names the resource's destinations in messages.
const brazeCohortDestinationWhat = "Amplitude Braze cohort destination"

// NewBrazeCohortDestinationResource is the amplitude_braze_cohort_destination resource.
func NewBrazeCohortDestinationResource() resource.Resource {
	return &brazeCohortDestinationResource{}
}

// brazeCohortDestinationResource is a "Braze (Cohort Sync)" destination on
// Amplitude's Developer API. Its model, and how the model maps to Amplitude's
// Braze parameters, are in braze_cohort_destination_model.go.
type brazeCohortDestinationResource struct {
	client *developer.Client
	// destinations checks and sends the destination writes the same way for
	// every destination resource.
	destinations *developer.DestinationService
}

func (r *brazeCohortDestinationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_braze_cohort_destination"
}

func (r *brazeCohortDestinationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := computedAttributes("The destination's id, which Amplitude assigns; `amplitude_sync.destination_id` of cohort syncs takes it.")
	maps.Copy(attributes, map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The destination's name shown in Amplitude. Amplitude does not require names to be unique.",
			Validators:          []validator.String{validators.NotBlank()},
		},
		"braze_endpoint": brazeEndpointAttribute(),
		"user_alias_label": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "The Braze user alias label. Required when a mapping uses `user_alias`, and used only then.",
			Validators:          []validator.String{validators.NotBlank()},
		},
		"identifier_mappings": schema.ListNestedAttribute{
			Required: true,
			MarkdownDescription: "How cohort members are matched to Braze users, in priority order: Amplitude tries each mapping in turn. " +
				"1 to 3 entries, each Braze identifier at most once. Cohort syncs only match users that already exist in Braze.",
			Validators: []validator.List{listvalidator.SizeBetween(1, 3)},
			NestedObject: schema.NestedAttributeObject{
				Attributes: map[string]schema.Attribute{
					"amplitude_property": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "The Amplitude property, e.g. `user_id` or `device_id`.",
						Validators:          []validator.String{validators.NotBlank()},
					},
					"braze_identifier": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "The Braze identifier type: one of " + backtickList(cohortIdentifiers) + ".",
						Validators:          []validator.String{stringvalidator.OneOf(cohortIdentifiers...)},
					},
				},
			},
		},
	})
	maps.Copy(attributes, dataImportKey.schemaAttributes("The Braze **data import key** (Braze › Technology Partners › Amplitude), not a REST API key."))
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Amplitude **Braze (Cohort Sync)** destination: it sends cohort membership to Braze, where it can be used in segments. " +
			"Cohorts reach it through `amplitude_sync` resources of kind `cohort`. " +
			"**Destroying it only removes it from Terraform's state: it stays in Amplitude**, because Amplitude's Developer API, which manages it, has no delete and cohort destinations cannot be disabled; delete it in Amplitude's dashboard.\n\n" + adoptionNote("data_import_key", "data_import_key_wo_version") +
			" Until a key is configured, any other change is refused at plan: every update sends the whole destination, key included.",
		Attributes: attributes,
	}
}

func (r *brazeCohortDestinationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return dataImportKey.configValidators()
}

func (r *brazeCohortDestinationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var mappings types.List
	var aliasLabel types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("identifier_mappings"), &mappings)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_alias_label"), &aliasLabel)...)
	if mappings.IsNull() || mappings.IsUnknown() {
		return
	}
	seen := map[string]bool{}
	for i := range mappings.Elements() {
		identifierPath := path.Root("identifier_mappings").AtListIndex(i).AtName("braze_identifier")
		var identifier types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, identifierPath, &identifier)...)
		if identifier.IsNull() || identifier.IsUnknown() {
			continue
		}
		if seen[identifier.ValueString()] {
			resp.Diagnostics.AddAttributeError(identifierPath, "Duplicate Braze identifier",
				fmt.Sprintf("%s: %q is mapped twice; each Braze identifier may appear once in identifier_mappings.", identifierPath, identifier.ValueString()))
		}
		seen[identifier.ValueString()] = true
	}
	if seen["user_alias"] && aliasLabel.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("user_alias_label"), "Missing user alias label",
			"user_alias_label: required when identifier_mappings uses \"user_alias\".")
	}
}

func (r *brazeCohortDestinationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, clients := developerFor(req.ProviderData, "amplitude_braze_cohort_destination", &resp.Diagnostics)
	if client == nil {
		return
	}
	r.client, r.destinations = client, client.DestinationService(brazeCohortDestinationWhat, clients.dryRunOnPlan)
}

// ModifyPlan requires the data import key for a planned write. It checks the
// write against Braze's destination type and, unless dry_run_on_plan is
// false, asks Amplitude to validate it. These checks run only when the plan
// changes the destination and every configured value is known; a value known
// only at apply is checked by the apply itself.
func (r *brazeCohortDestinationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	dataImportKey.checkPlannedSecret(ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.destinations == nil || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) || !req.Config.Raw.IsFullyKnown() {
		return
	}
	var plan, state brazeCohortDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	secrets := dataImportKey.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	found := r.destinations.CheckPlanned(ctx, state.ID.ValueString(), state.Version.ValueInt64(), plan.write(secrets))
	addFound(&resp.Diagnostics, resendRefusedAsWarning(found, state.CredentialStatus, secrets), plan.fields(secrets))
}

func (r *brazeCohortDestinationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan brazeCohortDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	secrets := dataImportKey.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, found := r.destinations.Create(ctx, plan.write(secrets))
	addFound(&resp.Diagnostics, found, plan.fields(secrets))
	if created == nil {
		return
	}
	state, diags := plan.fromDestination(created)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	setDestinationIdentity(ctx, resp.Identity, r.client.ProjectID(), created.ID, &resp.Diagnostics)
}

// Read refreshes the destination from Amplitude. If the destination was
// deleted in Amplitude's dashboard, Read removes it from state, so that the
// plan creates it again. If Amplitude reports its credential as not
// connected, state forgets the data import key, so that the plan sends it
// again.
func (r *brazeCohortDestinationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state brazeCohortDestinationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if !readDestinationIdentity(ctx, req, resp, r.client.ProjectID(), id) {
		return
	}
	d, err := r.client.GetDestination(ctx, id)
	if developer.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("%s %q", brazeCohortDestinationWhat, id))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the "+brazeCohortDestinationWhat, err.Error())
		return
	}
	if d.Partner != developer.PartnerBraze || !slices.Equal(d.Kind, []string{developer.KindCohort}) {
		resp.Diagnostics.AddError("Not a destination this resource manages",
			wrongDestination(d, "Braze cohort destinations (partner braze, kind cohort)"))
		return
	}
	state, diags := state.fromDestination(d)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if d.CredentialStatus != developer.CredentialConnected {
		dataImportKey.forgetOnDisconnect(ctx, &resp.State, id, d.CredentialStatus, &resp.Diagnostics)
	}
}

// Update sends the planned destination together with the version the plan
// was made against. If someone changed the destination in Amplitude since
// then, Amplitude refuses the write instead of overwriting their change.
func (r *brazeCohortDestinationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state brazeCohortDestinationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	secrets := dataImportKey.valuesToSend(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	updated, found := r.destinations.Update(ctx, state.ID.ValueString(), state.Version.ValueInt64(), plan.write(secrets))
	addFound(&resp.Diagnostics, found, plan.fields(secrets))
	if updated == nil {
		return
	}
	next, diags := plan.fromDestination(updated)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, next)...)
	setDestinationIdentity(ctx, resp.Identity, r.client.ProjectID(), updated.ID, &resp.Diagnostics)
}

// Delete sends no request, because the Developer API offers no way to
// delete or disable a cohort destination. Terraform removes it from state,
// and a warning tells the user it is still in Amplitude.
func (r *brazeCohortDestinationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state brazeCohortDestinationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	warnLeftInAmplitude(&resp.Diagnostics, brazeCohortDestinationWhat, state.ID.ValueString())
}

// IdentitySchema is the identity of every destination resource: the
// project and the destination's id.
func (r *brazeCohortDestinationResource) IdentitySchema(ctx context.Context, req resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	destinationIdentitySchema(ctx, req, resp)
}

// ImportState takes the destination's id, which Amplitude assigns, or its
// identity.
func (r *brazeCohortDestinationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importDestination(ctx, r.client, req, resp)
}
