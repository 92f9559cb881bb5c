package braze

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/planmodifiers"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*apiKeyResource)(nil)
	_ resource.ResourceWithImportState = (*apiKeyResource)(nil)
	_ resource.ResourceWithIdentity    = (*apiKeyResource)(nil)
)

// NewAPIKeyResource is the braze_api_key resource.
func NewAPIKeyResource() resource.Resource { return &apiKeyResource{} }

type apiKeyResource struct {
	client *braze.Client
}

type apiKeyModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Permissions []string     `tfsdk:"permissions"`
	AllowedIPs  []string     `tfsdk:"allowed_ips"`
	Key         types.String `tfsdk:"key"`
	CreatedAt   types.String `tfsdk:"created_at"`
	LastSeenAt  types.String `tfsdk:"last_seen_at"`
}

// apiKeyIdentity is a key's identity: its identifier, a UUID that Braze
// gives it, which is unique across instances and workspaces. The identity
// holds nothing else. The workspace is chosen by the provider's api_key,
// which is a secret and cannot go into an identity. The REST endpoint names
// an instance that many workspaces share, so it would add nothing an import
// could check.
type apiKeyIdentity struct {
	ID types.String `tfsdk:"id"`
}

// immutableNote explains why every change replaces the key. It appears in
// each attribute's description and in the plan.
const immutableNote = "Braze keys cannot be edited after creation, so changing this creates a new key and deletes the old one."

func (r *apiKeyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_key"
}

func (r *apiKeyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Braze REST API key (Braze › Settings › APIs and Identifiers). Keys cannot be edited: every change replaces the key. " +
			"Use `lifecycle { create_before_destroy = true }` so a rotation creates the new key and re-points its users before the old one is deleted. " +
			"Braze publishes no API to manage keys: the provider calls modeled endpoints in the style of Braze's SDK key endpoints (see the provider documentation).\n\n" +
			"**What state holds.** The key's secret (`key`) is stored in the Terraform state in clear text: Braze returns it only once, when the key is created, " +
			"so state is the only place the provider can keep it for the resources that reference it. Anyone who can read the state can call Braze with the key's permissions. " +
			"Keep state in a remote backend that encrypts it at rest, give read access only to the people and pipelines that apply, and never commit it or upload it as a CI artifact; " +
			"a saved plan file (`terraform plan -out`) holds the same values. The attribute is sensitive, so plan output shows `(sensitive value)` instead, and the provider never logs it. " +
			"The other attributes (identifier, name, permissions, allowed IPs, timestamps) are not secret. An imported key has no secret in state: `key` stays null.\n\n" +
			"**Adopting a key made in the dashboard.** `terraform query` finds keys with the `braze_api_key` list resource (Terraform 1.14 and later), and `-generate-config-out` writes each one's name, permissions and allowed IPs with an import block by identity. " +
			"There is no secret to add: `key` is the secret, and Braze never shows it again. After the import the plan is empty (`No changes`), with `key` null in state. " +
			"The identity is the key's identifier alone (Terraform 1.12 and later: `import { identity = { id = \"…\" } }`); the id string works with every CLI.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The key's identifier: not the secret.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The key's name in the dashboard. " + immutableNote,
				Validators:          []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`\S`), "must not be empty or only white space")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"permissions": schema.SetAttribute{
				ElementType: types.StringType,
				Required:    true,
				MarkdownDescription: "The endpoints the key may call, by Braze's permission names, e.g. `users.track`. " +
					"`provider::braze::permissions()` lists them all. " + immutableNote,
				Validators:    []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(validators.BrazePermission())},
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
			},
			"allowed_ips": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				MarkdownDescription: "IPv4/IPv6 addresses or CIDR blocks the key may be used from; leave it out, or set `[]`, to allow any IP. " +
					"For the key Amplitude streams with, `provider::amplitude::egress_ips(\"US\")` gives Amplitude's addresses. " +
					"Addresses are compared by value: `2001:DB8::1` and `2001:db8::1` are one address, however Braze writes it back. " + immutableNote,
				Validators:    []validator.Set{setvalidator.ValueStringsAre(validators.IPOrCIDR())},
				PlanModifiers: []planmodifier.Set{planmodifiers.AllowedIPsReplace()},
			},
			"key": schema.StringAttribute{
				Computed:  true,
				Sensitive: true,
				MarkdownDescription: "The secret. Braze returns it only when the key is created, so it is null after an import. " +
					"Stored in state in clear text (see above); sensitive, so hidden in plan output. " +
					"Reference it (e.g. from `amplitude_braze_destination.braze_api_key`) so a rotation re-points its users.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the key was created (RFC 3339).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_seen_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the key last authenticated a request (RFC 3339), null if never. Read-only; never a diff.",
			},
		},
	}
}

func (r *apiKeyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The key's identifier (a UUID), not the secret.",
			},
		},
	}
}

func (r *apiKeyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *apiKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateAPIKey(ctx, braze.NewAPIKey{Name: plan.Name.ValueString(), Permissions: plan.Permissions, AllowedIPs: plan.AllowedIPs})
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the Braze API key", explain(err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, apiKeyFromAPI(created, types.StringValue(created.Key), plan.AllowedIPs))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, apiKeyIdentity{ID: types.StringValue(created.ID)})...)
}

func (r *apiKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Set the identity from the state's id before the read. A CLI that
	// keeps no identity (before Terraform 1.12), or state written before
	// identities existed, has no identity to carry over, and the framework
	// wants one even when the key turns out to be gone.
	resp.Diagnostics.Append(resp.Identity.Set(ctx, apiKeyIdentity{ID: state.ID})...)
	key, err := r.client.GetAPIKey(ctx, state.ID.ValueString())
	if braze.IsNotFound(err) {
		shared.RemoveGone(ctx, resp, fmt.Sprintf("Braze API key %q", state.ID.ValueString()))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the Braze API key", explain(err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, apiKeyFromAPI(key, state.Key, state.AllowedIPs))...)
}

// Update is called only for changes that mean nothing to Braze, such as an
// empty allowed_ips where there was none; every other change replaces the
// key. So it sends nothing and stores the plan's allowed_ips in state.
func (r *apiKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	state.AllowedIPs = plan.AllowedIPs
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, apiKeyIdentity{ID: state.ID})...)
}

func (r *apiKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteAPIKey(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.AddError("Cannot delete the Braze API key", explain(err))
	}
}

// ImportState takes the key's identifier, as an import id or as the
// identity's id. The secret cannot be read back.
func (r *apiKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	raw := req.ID
	if raw == "" && req.Identity != nil {
		var identity apiKeyIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		if resp.Diagnostics.HasError() {
			return
		}
		raw = identity.ID.ValueString()
	}
	id, err := parseAPIKeyImportID(raw)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("key"), types.StringNull())...)
	resp.Diagnostics.AddWarning("An imported key has no secret",
		fmt.Sprintf("Braze returns a key's secret only when it creates the key, so braze_api_key %s has key = null in state, and resources that use its key get no value. "+
			"To give them one, replace the key (terraform apply -replace=<address>): Braze makes a new key with the same settings and the provider keeps its secret.", id))
}

// apiKeyIdentifier matches the identifiers Braze gives REST API keys, which
// are UUIDs. Anything else is refused before it reaches a request.
var apiKeyIdentifier = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// parseAPIKeyImportID returns the key identifier in an import id, without
// surrounding spaces, or an error saying what the import id must be.
func parseAPIKeyImportID(raw string) (string, error) {
	id := strings.TrimSpace(raw)
	if !apiKeyIdentifier.MatchString(id) {
		return "", fmt.Errorf("%q is not a Braze API key identifier: the import id is the key's identifier (not the key itself), a UUID such as 01234567-89ab-cdef-0123-456789abcdef, shown in Braze under Settings › APIs and Identifiers", raw)
	}
	return id, nil
}

// explain turns Braze's 403 into a sentence naming the permission that the
// provider's own key lacks, which is the one the refused request needed.
// Braze keys cannot be edited, so the sentence tells the user to create
// another key. Any other error is returned as it is.
func explain(err error) string {
	if permission := braze.MissingPermission(err); permission != "" {
		return fmt.Sprintf("The braze provider's api_key lacks the %s permission, which this needs. "+
			"A Braze key's permissions cannot be changed: create a key that holds %s as well as the permissions the current one has, and give it to the provider as api_key. Braze said: %v",
			permission, permission, err)
	}
	return err.Error()
}

// apiKeyFromAPI converts Braze's key k to the model. secret is the key's
// secret, which only Braze's answer to the create carries. prior is
// allowed_ips as configured or last read. It is kept when Braze's list means
// the same, so that an address Braze spells another way, or an empty list
// where there was none, never shows as a change.
func apiKeyFromAPI(k *braze.APIKey, secret types.String, prior []string) apiKeyModel {
	m := apiKeyModel{
		ID:          types.StringValue(k.ID),
		Name:        types.StringValue(k.Name),
		Permissions: k.Permissions,
		AllowedIPs:  k.AllowedIPs,
		Key:         secret,
		CreatedAt:   types.StringValue(k.CreatedAt),
		LastSeenAt:  types.StringPointerValue(k.LastSeenAt),
	}
	switch {
	case facts.SameAddresses(prior, k.AllowedIPs):
		m.AllowedIPs = prior
	case len(m.AllowedIPs) == 0:
		m.AllowedIPs = nil
	}
	return m
}
