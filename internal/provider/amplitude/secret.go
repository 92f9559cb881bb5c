package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

// secretAttribute is a destination secret that Amplitude accepts but never
// returns. A configuration gives it in one of two forms:
//
//   - NAME, a sensitive attribute that state keeps (in clear, marked
//     sensitive);
//   - NAME_wo, a write-only attribute (Terraform 1.11+, OpenTofu 1.11+) that
//     is never kept, with NAME_wo_version, a number the user changes to send
//     a new value.
//
// The secret is either one string sent as one partner parameter
// (braze_api_key is Braze's api_key), or a map of secrets by parameter id
// (secret_config). One string is required by every write; a map may be
// left out, as a partner may take no secret.
type secretAttribute struct {
	name string
	// parameter is the partner parameter that one secret string is sent as.
	// It is empty for a map of secrets by parameter id.
	parameter string
}

func (s secretAttribute) writeOnlyName() string { return s.name + "_wo" }
func (s secretAttribute) versionName() string   { return s.name + "_wo_version" }
func (s secretAttribute) isMap() bool           { return s.parameter == "" }

// schemaAttributes returns the three attributes; what describes the secret.
func (s secretAttribute) schemaAttributes(what string) map[string]schema.Attribute {
	secret, aNewValue, theNewValue := "secret", "a new value", "the new value"
	if s.isMap() {
		secret, aNewValue, theNewValue = "secrets", "new values", "the new values"
	}
	sensitiveDescription := what + " Kept in state in clear (marked sensitive); use `" + s.writeOnlyName() + "` to keep it out of state. " +
		"Amplitude never returns it, so a value changed in Amplitude's dashboard cannot be seen; when Amplitude reports the credential no longer connected, the next plan sends this value again. " +
		"At most one of `" + s.name + "` and `" + s.writeOnlyName() + "` is set, and one is needed to create or change the destination; " +
		"a destination adopted without it (as `terraform query -generate-config-out` writes it) plans nothing until it changes."
	writeOnlyDescription := "Write-only form of `" + s.name + "` (Terraform 1.11+, OpenTofu 1.11+): sent to Amplitude, never kept in state or plan. " +
		"Set `" + s.versionName() + "` with it and change the version to send " + aNewValue + "."
	versionDescription := "A number you change whenever `" + s.writeOnlyName() + "` changes, to send " + theNewValue + ". " +
		"State keeps this number, nothing of the " + secret + ". When Amplitude reports the credential no longer connected, the provider forgets the number, so the next plan sends the configured `" + s.writeOnlyName() + "` again."
	if s.isMap() {
		sensitiveDescription = what + " Kept in state in clear (marked sensitive); use `" + s.writeOnlyName() + "` to keep them out. " +
			"When Amplitude reports the credential no longer connected, the next plan sends them again."
		return map[string]schema.Attribute{
			s.name: schema.MapAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: sensitiveDescription,
				Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
			},
			s.writeOnlyName(): schema.MapAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				Sensitive:           true,
				WriteOnly:           true,
				MarkdownDescription: writeOnlyDescription,
				Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
			},
			s.versionName(): schema.Int64Attribute{Optional: true, MarkdownDescription: versionDescription},
		}
	}
	return map[string]schema.Attribute{
		s.name: schema.StringAttribute{
			Optional:            true,
			Sensitive:           true,
			MarkdownDescription: sensitiveDescription,
			Validators:          []validator.String{validators.NotBlank()},
		},
		s.writeOnlyName(): schema.StringAttribute{
			Optional:            true,
			Sensitive:           true,
			WriteOnly:           true,
			MarkdownDescription: writeOnlyDescription,
			Validators:          []validator.String{validators.NotBlank()},
		},
		s.versionName(): schema.Int64Attribute{Optional: true, MarkdownDescription: versionDescription},
	}
}

// configValidators allow one form at a time, and the version only with the
// write-only form. Neither form is required here: a configuration that
// terraform query generated for an existing destination holds no secret,
// as Amplitude never returns one, and must validate as it is.
// checkPlannedSecret requires one form when a plan writes a secret string.
func (s secretAttribute) configValidators() []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.Conflicting(path.MatchRoot(s.name), path.MatchRoot(s.writeOnlyName())),
		resourcevalidator.RequiredTogether(path.MatchRoot(s.writeOnlyName()), path.MatchRoot(s.versionName())),
		resourcevalidator.Conflicting(path.MatchRoot(s.name), path.MatchRoot(s.versionName())),
	}
}

// checkPlannedSecret refuses a plan that creates or changes the destination
// while the configuration holds none of its secret string. Every write
// sends the whole destination, the secret included, and Amplitude never
// returns it, so there would be nothing to send. A destination that was
// adopted without its secret and is left as it is plans nothing, and so
// needs none: the secret stays in Amplitude until the configuration gives
// one.
func (s secretAttribute) checkPlannedSecret(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) {
	if s.isMap() || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	var sensitive, writeOnly types.String
	diags.Append(req.Config.GetAttribute(ctx, path.Root(s.name), &sensitive)...)
	diags.Append(req.Config.GetAttribute(ctx, path.Root(s.writeOnlyName()), &writeOnly)...)
	if !sensitive.IsNull() || !writeOnly.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		diags.AddAttributeError(path.Root(s.name), "No secret",
			fmt.Sprintf("%s: no value, and %s has none either; set one of them. "+
				"If it refers to a braze_api_key resource's key, that key was imported: Braze returns a key's secret only when it creates the key, so an imported key has none. "+
				"Replace that key (terraform apply -replace=braze_api_key.<name>) to get a new secret, or give the secret here directly.",
				s.name, s.writeOnlyName()))
		return
	}
	diags.AddAttributeError(path.Root(s.name), "No secret to send with this change",
		fmt.Sprintf("%s: no value, and %s has none either. Amplitude never returns the secret, and every change of the destination sends it: "+
			"set %s with %s (or %s) to change this destination. Left as it is, the destination needs none.",
			s.name, s.writeOnlyName(), s.writeOnlyName(), s.versionName(), s.name))
}

// valuesToSend returns the configured secrets by parameter id, from
// whichever form the configuration uses. It reads the configuration, the
// only place that carries the write-only form; the sensitive form is the
// same there as in the plan.
func (s secretAttribute) valuesToSend(ctx context.Context, config configGetter, diags *diag.Diagnostics) map[string]string {
	values := map[string]string{}
	for _, name := range []string{s.name, s.writeOnlyName()} {
		if s.isMap() {
			var m types.Map
			diags.Append(config.GetAttribute(ctx, path.Root(name), &m)...)
			var byID map[string]string
			if !m.IsNull() {
				diags.Append(m.ElementsAs(ctx, &byID, false)...)
			}
			for id, value := range byID {
				values[id] = value
			}
			continue
		}
		var v types.String
		diags.Append(config.GetAttribute(ctx, path.Root(name), &v)...)
		if !v.IsNull() {
			values[s.parameter] = v.ValueString()
		}
	}
	return values
}

// nameInUse is the name of the form a model uses. Only the write-only form
// comes with a version, so a model with a version uses NAME_wo, and any
// other uses NAME.
func (s secretAttribute) nameInUse(version types.Int64) string {
	if version.IsNull() {
		return s.name
	}
	return s.writeOnlyName()
}

// fieldPaths lists the request fields that carry the secrets, each on the
// attribute of the form in use: config.api_key on braze_api_key or
// braze_api_key_wo, and config.<id> on that key of secret_config or
// secret_config_wo.
func (s secretAttribute) fieldPaths(version types.Int64, secrets map[string]string) fieldPaths {
	inUse := path.Root(s.nameInUse(version))
	fields := fieldPaths{}
	for id := range secrets {
		if s.isMap() {
			fields["config."+id] = wholeAt(inUse.AtMapKey(id))
		} else {
			fields["config."+id] = wholeAt(inUse)
		}
	}
	return fields
}

// forgetOnDisconnect is what Read does when Amplitude reports the
// credential not connected, for example because the Braze key was deleted
// in Braze: state forgets the secret it holds, the sensitive value or the
// write-only version. The configuration still sets it, so the next plan sends
// the configured secret again whichever form it is in, and a drift check sees
// a change where it would otherwise see none while the destination delivers
// nothing.
func (s secretAttribute) forgetOnDisconnect(ctx context.Context, state *tfsdk.State, id, status string, diags *diag.Diagnostics) {
	var version types.Int64
	diags.Append(state.GetAttribute(ctx, path.Root(s.versionName()), &version)...)
	var sensitive attr.Value = types.StringNull()
	if s.isMap() {
		var held types.Map
		diags.Append(state.GetAttribute(ctx, path.Root(s.name), &held)...)
		if held.IsNull() && version.IsNull() {
			return // The destination takes no secret: there is nothing to send again.
		}
		sensitive = types.MapNull(types.StringType)
	}
	diags.Append(state.SetAttribute(ctx, path.Root(s.name), sensitive)...)
	diags.Append(state.SetAttribute(ctx, path.Root(s.versionName()), types.Int64Null())...)

	credential := s.name
	if s.isMap() {
		credential = "credential"
	}
	how := fmt.Sprintf("The plan sends the configured %s again", s.name)
	if !version.IsNull() {
		how = fmt.Sprintf("Terraform forgets %s, so the plan sends the configured %s again", s.versionName(), s.writeOnlyName())
	}
	diags.AddWarning("Amplitude reports the credential "+status,
		fmt.Sprintf("Destination %s: Amplitude reports its %s %s. %s; if that value is the one that stopped working, configure a working one.", id, credential, status, how))
}

// resendRefusedAsWarning keeps in the plan the secrets that Read forgot.
// When Amplitude reports the credential not connected, the plan sends the
// configured secret again; if that is the very value that stopped working
// (a Braze key deleted in Braze), Amplitude's dry run refuses it. As an
// error, that refusal would fail the plan, and a drift check would report a
// failed plan rather than the change. As a warning, the change shows, and the
// apply fails on the refusal until a working secret is configured. Any
// other refusal stays an error.
func resendRefusedAsWarning(found developer.Diagnostics, credentialStatus types.String, secrets map[string]string) developer.Diagnostics {
	if credentialStatus.IsNull() || credentialStatus.ValueString() == developer.CredentialConnected {
		return found
	}
	for i, f := range found {
		for id := range secrets {
			if !f.Warning && f.Field == "config."+id {
				found[i].Warning = true
				found[i].Detail += fmt.Sprintf(" Amplitude reports the credential %s, so this plan sends the configured secret again, and Amplitude refuses it: the apply will fail until the configuration holds a working one.", credentialStatus.ValueString())
			}
		}
	}
	return found
}
