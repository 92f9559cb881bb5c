package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

// secretAttribute is a destination secret that Amplitude accepts but never
// returns. It comes in two forms: a sensitive attribute kept in state (NAME),
// and a write-only one (NAME_wo) with a version (NAME_wo_version) whose
// change sends it again.
type secretAttribute struct {
	name string
}

func (s secretAttribute) writeOnlyName() string { return s.name + "_wo" }
func (s secretAttribute) versionName() string   { return s.name + "_wo_version" }

// schemaAttributes returns the three attributes; what describes the secret.
func (s secretAttribute) schemaAttributes(what string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		s.name: schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			MarkdownDescription: what + " Kept in state in clear (marked sensitive); use `" + s.writeOnlyName() + "` to keep it out of state. " +
				"Amplitude never returns it, so a value changed in Amplitude's dashboard cannot be seen; when Amplitude reports the credential no longer connected, the next plan sends this value again. " +
				"Exactly one of `" + s.name + "` and `" + s.writeOnlyName() + "` is set.",
			Validators: []validator.String{validators.NotBlank()},
		},
		s.writeOnlyName(): schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			WriteOnly: true,
			MarkdownDescription: "Write-only form of `" + s.name + "` (Terraform 1.11+, OpenTofu 1.11+): sent to Amplitude, never kept in state or plan. " +
				"Set `" + s.versionName() + "` with it and change the version to send a new value.",
			Validators: []validator.String{validators.NotBlank()},
		},
		s.versionName(): schema.Int64Attribute{
			Optional: true,
			MarkdownDescription: "A number you change whenever `" + s.writeOnlyName() + "` changes, to send the new value. " +
				"State keeps this number, nothing of the secret.",
		},
	}
}

func (s secretAttribute) configValidators() []resource.ConfigValidator {
	return []resource.ConfigValidator{
		exactlyOneSecret{s},
		resourcevalidator.RequiredTogether(path.MatchRoot(s.writeOnlyName()), path.MatchRoot(s.versionName())),
		resourcevalidator.Conflicting(path.MatchRoot(s.name), path.MatchRoot(s.versionName())),
	}
}

// exactlyOneSecret requires one form of the secret, and says why one may be
// null although the configuration sets it: a braze_api_key imported into
// state has no key, as Braze returns a key's secret only when creating it.
type exactlyOneSecret struct{ s secretAttribute }

func (v exactlyOneSecret) Description(context.Context) string {
	return fmt.Sprintf("exactly one of %s and %s must have a value", v.s.name, v.s.writeOnlyName())
}

func (v exactlyOneSecret) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v exactlyOneSecret) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var sensitive, writeOnly types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.s.name), &sensitive)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.s.writeOnlyName()), &writeOnly)...)
	if sensitive.IsUnknown() || writeOnly.IsUnknown() {
		return
	}
	switch {
	case !sensitive.IsNull() && !writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root(v.s.writeOnlyName()), "Two forms of one secret",
			fmt.Sprintf("%s and %s are two forms of one secret: set one of them.", v.s.name, v.s.writeOnlyName()))
	case sensitive.IsNull() && writeOnly.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root(v.s.name), "No secret",
			fmt.Sprintf("%s: no value, and %s has none either; set one of them. "+
				"If it refers to a braze_api_key resource's key, that key was imported: Braze returns a key's secret only when it creates the key, so an imported key has none. "+
				"Replace that key (terraform apply -replace=braze_api_key.<name>) to get a new secret, or give the secret here directly.",
				v.s.name, v.s.writeOnlyName()))
	}
}

// secretValues are a resource's stored forms of the secret.
type secretValues struct {
	Sensitive types.String
	Version   types.Int64
}

// valueToSend returns the configured secret: the sensitive attribute from
// the plan, or the write-only one, which only the configuration carries.
func (s secretAttribute) valueToSend(ctx context.Context, plan secretValues, config configGetter, diags *diag.Diagnostics) string {
	if !plan.Sensitive.IsNull() {
		return plan.Sensitive.ValueString()
	}
	var writeOnly types.String
	diags.Append(config.GetAttribute(ctx, path.Root(s.writeOnlyName()), &writeOnly)...)
	return writeOnly.ValueString()
}

// pathFor is the attribute a refusal of the secret belongs on: the form in
// use.
func (s secretAttribute) pathFor(v secretValues) path.Path {
	if v.Sensitive.IsNull() {
		return path.Root(s.writeOnlyName())
	}
	return path.Root(s.name)
}

// disconnected is what Read does when Amplitude reports the credential no
// longer connected (the key was deleted, or lost a permission): the
// sensitive form reads back as null, so the next plan sends the configured
// value again; the write-only form cannot be compared, so the user is told
// to send a new one.
func (s secretAttribute) disconnected(v secretValues, id, status string, diags *diag.Diagnostics) secretValues {
	if !v.Sensitive.IsNull() {
		v.Sensitive = types.StringNull()
		diags.AddWarning("Amplitude reports the credential "+status,
			fmt.Sprintf("Destination %s: Amplitude reports its %s %s. The plan sends the configured %s again; if that value is the one that stopped working, give a new one.", id, s.name, status, s.name))
		return v
	}
	diags.AddWarning("Amplitude reports the credential "+status,
		fmt.Sprintf("Destination %s: Amplitude reports its %s %s. Set %s to a working value and change %s to send it.", id, s.name, status, s.writeOnlyName(), s.versionName()))
	return v
}
