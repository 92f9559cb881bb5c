package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// The identity the three destination resources share. Amplitude addresses a
// destination as /v1/projects/{project_id}/destinations/{id}, and its
// documentation promises the id unique only within the project, so the
// identity is the pair: an id alone could name two destinations of two
// projects. project_id is always filled, from the provider's project, even
// though a configuration usually sets it once in the provider block: an
// identity that other tools read (terraform query, a state file) must name
// the object on its own.

// destinationIdentity is the identity's model.
type destinationIdentity struct {
	ProjectID types.String `tfsdk:"project_id"`
	ID        types.String `tfsdk:"id"`
}

// destinationIdentitySchema is the identity's schema. An import by identity
// needs the id; the project may be left out, and is then the provider's.
func destinationIdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"project_id": identityschema.StringAttribute{
				OptionalForImport: true,
				Description:       "The numeric id of the Amplitude project that holds the destination. Left out of an import block, the provider's project_id.",
			},
			"id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The destination's id, which Amplitude assigns; unique within its project.",
			},
		},
	}
}

// setDestinationIdentity sets identity to the destination id in project,
// the object that a resource instance or a listed result stands for.
func setDestinationIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, project, id string, diags *diag.Diagnostics) {
	if identity == nil {
		return // A CLI without resource identity sends none.
	}
	diags.Append(identity.Set(ctx, destinationIdentity{ProjectID: types.StringValue(project), ID: types.StringValue(id)})...)
}

// checkIdentityProject refuses a destination identity that names another
// project than the one the provider works on. Ids are unique only within a
// project, so reading the identity's id in the provider's project would read
// another destination, or none.
func checkIdentityProject(ctx context.Context, identity *tfsdk.ResourceIdentity, project string, diags *diag.Diagnostics) {
	if identity == nil || identity.Raw.IsNull() {
		return
	}
	var held destinationIdentity
	diags.Append(identity.Get(ctx, &held)...)
	sameProject(held.ProjectID, project, diags)
}

// sameProject refuses an identity whose project_id names another Amplitude
// project than the provider's, and reports whether it may be used. Ids and
// tracking-plan names are unique only within a project, so looking the
// object up in the provider's project could find another one of the same
// id or name. A project_id left out of an import block means the provider's.
func sameProject(identityProject types.String, providerProject string, diags *diag.Diagnostics) bool {
	if identityProject.IsNull() || identityProject.IsUnknown() || identityProject.ValueString() == providerProject {
		return true
	}
	diags.AddError("Identity of another Amplitude project",
		fmt.Sprintf("project_id: the identity names Amplitude project %q, and this amplitude provider works on project %q. "+
			"Use a provider configuration (an alias) whose project_id is %q for it.",
			identityProject.ValueString(), providerProject, identityProject.ValueString()))
	return false
}

// readDestinationIdentity is the first step of Read. It refuses a stored
// identity of another project than the provider's, and sets the identity
// before the destination is read, so that if the destination is gone from
// Amplitude, the state still has its identity. It reports whether Read may
// go on.
func readDestinationIdentity(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, project, id string) bool {
	checkIdentityProject(ctx, req.Identity, project, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return false
	}
	setDestinationIdentity(ctx, resp.Identity, project, id, &resp.Diagnostics)
	return !resp.Diagnostics.HasError()
}

// importDestination imports a destination of the provider's project by id
// (terraform import, or an import block's id) or by identity (an import
// block's identity, Terraform 1.12+). The id is checked first, so that a
// malformed one is refused even before the provider is configured. Read
// then fills the rest, the identity included.
func importDestination(ctx context.Context, client *developer.Client, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	raw := req.ID
	if raw == "" && req.Identity != nil {
		var given destinationIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &given)...)
		raw = given.ID.ValueString()
	}
	id, err := parseImportID(raw)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
	}
	if resp.Diagnostics.HasError() || client == nil {
		return // Without a client, Configure has reported the missing credentials.
	}
	checkIdentityProject(ctx, req.Identity, client.ProjectID(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	setDestinationIdentity(ctx, resp.Identity, client.ProjectID(), id, &resp.Diagnostics)
}

// adoptionNote is the text that a destination resource's page and its list
// resource's page give on adopting an existing destination. It explains how
// to add the secret afterwards, since Amplitude never returns it. secret is
// the name of the secret attribute and version the name of its version
// attribute.
func adoptionNote(secret, version string) string {
	return "**Adopting an existing destination** (`terraform query -generate-config-out`, or an `import` block by identity or id): " +
		"Amplitude never returns `" + secret + "`, so the generated configuration has none. It validates and applies as it is: the apply imports the destination and changes nothing, and the plan after is empty. " +
		"Then add only the secret in its write-only form, `" + secret + "_wo` with `" + version + " = 1`: the next plan is one update in place that changes only `" + version + "` " +
		"(and the values Amplitude sets on every write, `version`, `updated_at`, `credential_status`), which sends the secret; the plan after that apply is empty, and state holds nothing of the secret."
}
