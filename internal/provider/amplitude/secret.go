package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

// secretAttribute is a destination secret that Amplitude accepts but only
// ever returns masked. It comes in two forms: a sensitive attribute stored in
// state (NAME), and a write-only one (NAME_wo) with a version (NAME_wo_version)
// whose change re-sends it.
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
			MarkdownDescription: what + " Stored in state; use `" + s.writeOnlyName() + "` to keep it out. " +
				"Amplitude never returns it, only its last four characters, so one changed outside Terraform shows as drift. " +
				"Exactly one of `" + s.name + "` and `" + s.writeOnlyName() + "` is set.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		s.writeOnlyName(): schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			WriteOnly: true,
			MarkdownDescription: "Write-only form of `" + s.name + "` (Terraform 1.11+, OpenTofu 1.11+): sent to Amplitude, never stored in state or plan. " +
				"Set `" + s.versionName() + "` with it and change the version to send a new value.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		s.versionName(): schema.Int64Attribute{
			Optional: true,
			MarkdownDescription: "A number you change whenever `" + s.writeOnlyName() + "` changes, to send the new value. " +
				"It reads back as null when the value Amplitude holds no longer ends with the one last sent, so the next apply re-sends it.",
		},
	}
}

func (s secretAttribute) configValidators() []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot(s.name), path.MatchRoot(s.writeOnlyName())),
		resourcevalidator.RequiredTogether(path.MatchRoot(s.writeOnlyName()), path.MatchRoot(s.versionName())),
		resourcevalidator.Conflicting(path.MatchRoot(s.name), path.MatchRoot(s.versionName())),
	}
}

// secretValues are a resource's stored forms of the secret.
type secretValues struct {
	Sensitive types.String
	Version   types.Int64
}

// changed reports whether the plan asks to send the secret again.
func (v secretValues) changed(state secretValues) bool {
	return !v.Sensitive.Equal(state.Sensitive) || !v.Version.Equal(state.Version)
}

// valueToSend returns the configured secret: the sensitive attribute from
// the plan, or the write-only one, which only the configuration carries.
func (s secretAttribute) valueToSend(ctx context.Context, plan secretValues, config configGetter, diags diagAppender) string {
	if !plan.Sensitive.IsNull() {
		return plan.Sensitive.ValueString()
	}
	var writeOnly types.String
	diags.Append(config.GetAttribute(ctx, path.Root(s.writeOnlyName()), &writeOnly)...)
	return writeOnly.ValueString()
}

// remember keeps the last four characters of a write-only secret in private
// state, the only way to notice later that Amplitude holds another.
func (s secretAttribute) remember(ctx context.Context, sent string, plan secretValues, private privateSetter, diags diagAppender) {
	var value []byte
	if !plan.Version.IsNull() {
		value = lastFourJSON(sent)
	}
	diags.Append(private.SetKey(ctx, s.privateKey(), value)...)
}

// reconcile compares the masked value Amplitude returns with the one last
// sent. A match keeps state as it is, so the mask never causes a diff; a
// different last four is drift: the sensitive attribute takes the masked
// value, the write-only version goes null, and either way the plan re-sends.
func (s secretAttribute) reconcile(ctx context.Context, masked string, state *secretValues, private privateGetter, diags diagAppender) {
	switch {
	case !state.Sensitive.IsNull():
		if !amplitude.MaskMatches(masked, state.Sensitive.ValueString()) {
			state.Sensitive = types.StringValue(masked)
		}
	case !state.Version.IsNull():
		raw, d := private.GetKey(ctx, s.privateKey())
		diags.Append(d...)
		if sent := parseLastFourJSON(raw); sent != "" && !amplitude.MaskMatchesLastFour(masked, sent) {
			state.Version = types.Int64Null()
		}
	}
}

func (s secretAttribute) privateKey() string { return s.name + "_sent_last_four" }
