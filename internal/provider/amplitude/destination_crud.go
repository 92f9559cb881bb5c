package amplitude

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

// destinationModel is what the models of the two destination resources
// offer the CRUD they share.
type destinationModel[M any] interface {
	destinationID() types.String
	secret() secretValues
	withSecret(secretValues) M
	// toAPI builds the wire object; secret is left out (empty) when unchanged.
	toAPI(secret string) amplitude.Destination
	// withServerState returns the model updated with what the server holds,
	// keeping the attributes the server never returns (the secret forms).
	withServerState(*amplitude.Destination) M
}

// destinationAttributes returns the attributes both destination types
// share, described for the type at hand.
func destinationAttributes(id, name, enabled string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: id,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: name + " Unique among the project's destinations.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"enabled": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(true),
			MarkdownDescription: enabled + " Defaults to `true`.",
		},
		"braze_endpoint": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The Braze REST endpoint of your instance, e.g. `https://rest.iad-05.braze.com`; `provider::braze::rest_endpoint(\"US-05\")` looks it up.",
			Validators:          []validator.String{shared.ServiceURL()},
		},
	}
}

// destinationCRUD implements Configure, Create, Read, Update, Delete and
// ImportState for a destination type of the modeled destinations endpoint.
type destinationCRUD[M destinationModel[M]] struct {
	client          *amplitude.Client
	destinationType string
	// what names the object in messages, e.g. "Amplitude Braze destination".
	what   string
	secret secretAttribute
}

func (c *destinationCRUD[M]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	c.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (c *destinationCRUD[M]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	secret := c.secret.valueToSend(ctx, plan.secret(), req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := c.client.CreateDestination(ctx, plan.toAPI(secret))
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the "+c.what, err.Error())
		return
	}
	c.secret.remember(ctx, secret, plan.secret(), resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withServerState(created))...)
}

func (c *destinationCRUD[M]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.destinationID().ValueString()
	dest, err := c.client.GetDestination(ctx, id)
	if amplitude.IsNotFound(err) {
		resp.Diagnostics.AddWarning(c.what+" is gone",
			fmt.Sprintf("Destination %s was deleted outside Terraform; it is removed from state and the next apply creates it again.", id))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the "+c.what, err.Error())
		return
	}
	if dest.Type != c.destinationType {
		resp.Diagnostics.AddError("Wrong destination type",
			fmt.Sprintf("Destination %s is a %q destination; this resource manages %q destinations.", dest.ID, dest.Type, c.destinationType))
		return
	}
	next := state.withServerState(dest)
	secret := next.secret()
	c.secret.reconcile(ctx, dest.Config.Secret(c.destinationType), &secret, req.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, next.withSecret(secret))...)
}

func (c *destinationCRUD[M]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Send the secret only when it changed: Amplitude keeps the stored one
	// when a PUT leaves it out.
	var secret string
	if plan.secret().changed(state.secret()) {
		secret = c.secret.valueToSend(ctx, plan.secret(), req.Config, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	updated, err := c.client.UpdateDestination(ctx, state.destinationID().ValueString(), plan.toAPI(secret))
	if err != nil {
		resp.Diagnostics.AddError("Cannot update the "+c.what, err.Error())
		return
	}
	if secret != "" {
		c.secret.remember(ctx, secret, plan.secret(), resp.Private, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan.withServerState(updated))...)
}

func (c *destinationCRUD[M]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := c.client.DeleteDestination(ctx, state.destinationID().ValueString()); err != nil {
		resp.Diagnostics.AddError("Cannot delete the "+c.what, err.Error())
	}
}

func (c *destinationCRUD[M]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, req, resp)
}
