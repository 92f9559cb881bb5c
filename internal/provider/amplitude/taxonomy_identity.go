package amplitude

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// This file holds the identities of the tracking-plan resources and of
// syncs. An identity names one object unambiguously, and its schema says
// what an import block's identity must give.
//
// The Developer API addresses a tracking-plan object by its name inside one
// project (/v1/projects/{project_id}/events/{event_type}, …/event-properties/
// {name}, /user-properties/{name}). A name such as "Purchase" is in many
// projects, so the identity holds the project's numeric id beside the name.
//
// A sync is addressed as /api/2/syncs/{id} by the project's API key and
// secret key, which select the project: the id is all a request names, and
// Amplitude hands it out (a UUID in the sandbox), so it is unique across
// projects. The provider knows no project id for those APIs (project_id is
// a Developer API setting that a sync does not need), so the identity is the
// id alone.

// planObjectIdentity is an event type's or a user property's identity.
type planObjectIdentity struct {
	ProjectID types.String `tfsdk:"project_id"`
	Name      types.String `tfsdk:"name"`
}

// eventPropertyIdentity is an event property's identity.
type eventPropertyIdentity struct {
	ProjectID types.String `tfsdk:"project_id"`
	EventType types.String `tfsdk:"event_type"`
	Name      types.String `tfsdk:"name"`
}

// syncIdentity is a sync's identity.
type syncIdentity struct {
	ID types.String `tfsdk:"id"`
}

func projectIdentityAttribute() identityschema.StringAttribute {
	return identityschema.StringAttribute{
		RequiredForImport: true,
		Description:       "The numeric id of the Amplitude project that holds the object: the provider's `project_id`.",
	}
}

// planObjectIdentitySchema is the identity of an object named within a
// project; what names the kind of object, e.g. "event type".
func planObjectIdentitySchema(what string) identityschema.Schema {
	return identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"project_id": projectIdentityAttribute(),
		"name": identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       "The " + what + "'s name, as the resource's `name`.",
		},
	}}
}

func (r *eventTypeResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = planObjectIdentitySchema("event type")
}

func (r *userPropertyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = planObjectIdentitySchema("user property")
}

func (r *eventPropertyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"project_id": projectIdentityAttribute(),
		"event_type": identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       "The event the property belongs to, as the resource's `event_type`.",
		},
		"name": identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       "The property's name, as the resource's `name`.",
		},
	}}
}

func (r *syncResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       "The sync's id, as the resource's `id`.",
		},
	}}
}

func newPlanObjectIdentity(client *developer.Client, name string) planObjectIdentity {
	return planObjectIdentity{ProjectID: types.StringValue(client.ProjectID()), Name: types.StringValue(name)}
}

func newEventPropertyIdentity(client *developer.Client, eventType, name string) eventPropertyIdentity {
	return eventPropertyIdentity{
		ProjectID: types.StringValue(client.ProjectID()),
		EventType: types.StringValue(eventType),
		Name:      types.StringValue(name),
	}
}

// importedPlanObjectName returns the name of the event type or user
// property that an import asks for: the import id, or the name in the
// identity. An identity of another project than the provider's is refused,
// and then it reports false.
func importedPlanObjectName(ctx context.Context, client *developer.Client, req resource.ImportStateRequest, diags *diag.Diagnostics) (string, bool) {
	if !byIdentity(req) {
		return req.ID, true
	}
	var identity planObjectIdentity
	diags.Append(req.Identity.Get(ctx, &identity)...)
	if diags.HasError() || client == nil || !sameProject(identity.ProjectID, client.ProjectID(), diags) {
		return "", false
	}
	return identity.Name.ValueString(), true
}

// byIdentity reports whether an import names the object by identity (an
// import block's identity, Terraform 1.12+) rather than by an id string.
func byIdentity(req resource.ImportStateRequest) bool {
	return req.Identity != nil && !req.Identity.Raw.IsNull()
}
