package amplitude

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// This file holds what the three destination resources
// (amplitude_braze_destination, amplitude_braze_cohort_destination,
// amplitude_destination) share: the attributes Amplitude sets on every
// destination, and the messages a destroy shows. A destroy needs messages
// because the Developer API cannot delete a destination.

// destinationComputed holds the attributes Amplitude sets on every
// destination. Each destination model embeds it. None of them is ever shown
// as a change of its own: they change only when the destination does.
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

// computedAttributes are the schema of destinationComputed. id describes
// what the destination's id is used for.
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
				"Anything but `connected` makes the next plan send the configured secret again, in either of its forms.",
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

// wrongDestination explains why Read or an import refuses a destination of
// another partner or kind than the resource manages; manages says which it
// does.
func wrongDestination(d *developer.Destination, manages string) string {
	return fmt.Sprintf("Destination %s: it is a %s destination of kind [%s]; this resource manages %s", d.ID, d.Partner, strings.Join(d.Kind, ", "), manages)
}

// warnLeftInAmplitude warns that a destroyed destination is still in
// Amplitude. It is used for destinations that are not event streams: the
// Developer API can neither delete nor disable those, so a destroy can only
// remove them from state.
func warnLeftInAmplitude(diags *diag.Diagnostics, what, id string) {
	diags.AddWarning(what+" left in Amplitude",
		fmt.Sprintf("Amplitude's Developer API cannot delete destination %s: it is removed from Terraform's state but stays in Amplitude. Delete it in Amplitude's dashboard (Data › Destinations) if it is no longer wanted.", id))
}
