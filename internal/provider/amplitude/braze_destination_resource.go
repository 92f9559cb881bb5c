package amplitude

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
)

var (
	_ resource.ResourceWithConfigure        = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithImportState      = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithConfigValidators = (*brazeDestinationResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*brazeDestinationResource)(nil)
)

// Braze identifier types an event-stream destination can map to.
var eventStreamIdentifiers = []string{"external_id", "braze_id", "user_alias", "email"}

// Event filter operators; the last two take no values.
var (
	filterOperators         = []string{"is", "is_not", "contains", "does_not_contain", "greater", "less", "is_set", "is_not_set"}
	valuelessFilterOperator = map[string]bool{"is_set": true, "is_not_set": true}
)

var brazeAPIKey = secretAttribute{name: "braze_api_key"}

// NewBrazeDestinationResource is the amplitude_braze_destination resource.
func NewBrazeDestinationResource() resource.Resource {
	return &brazeDestinationResource{destinationCRUD[brazeDestinationModel]{
		destinationType: amplitude.DestinationTypeBraze,
		what:            "Amplitude Braze destination",
		secret:          brazeAPIKey,
	}}
}

type brazeDestinationResource struct {
	destinationCRUD[brazeDestinationModel]
}

type brazeDestinationModel struct {
	ID                   types.String            `tfsdk:"id"`
	Name                 types.String            `tfsdk:"name"`
	Enabled              types.Bool              `tfsdk:"enabled"`
	BrazeEndpoint        types.String            `tfsdk:"braze_endpoint"`
	BrazeAppID           types.String            `tfsdk:"braze_app_id"`
	BrazeAPIKey          types.String            `tfsdk:"braze_api_key"`
	BrazeAPIKeyWO        types.String            `tfsdk:"braze_api_key_wo"`
	BrazeAPIKeyWOVersion types.Int64             `tfsdk:"braze_api_key_wo_version"`
	UserAliasLabel       types.String            `tfsdk:"user_alias_label"`
	UpdateUsersOnly      types.Bool              `tfsdk:"update_users_only"`
	IdentifierMapping    *identifierMappingModel `tfsdk:"identifier_mapping"`
	SendEvents           *sendEventsModel        `tfsdk:"send_events"`
	SendUsers            *sendUsersModel         `tfsdk:"send_users"`
}

type identifierMappingModel struct {
	AmplitudeProperty types.String `tfsdk:"amplitude_property"`
	BrazeIdentifier   types.String `tfsdk:"braze_identifier"`
}

type sendEventsModel struct {
	AllEvents       types.Bool         `tfsdk:"all_events"`
	Events          []string           `tfsdk:"events"`
	Filters         []eventFilterModel `tfsdk:"filters"`
	EventProperties []string           `tfsdk:"event_properties"`
	UserProperties  []string           `tfsdk:"user_properties"`
}

type eventFilterModel struct {
	Property types.String `tfsdk:"property"`
	Operator types.String `tfsdk:"operator"`
	Values   []string     `tfsdk:"values"`
}

type sendUsersModel struct {
	UserProperties []string `tfsdk:"user_properties"`
}

func (r *brazeDestinationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_braze_destination"
}

func (r *brazeDestinationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	nonEmptyStringSet := []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))}
	attributes := destinationAttributes(
		"The destination's sync id; Amplitude's event-streaming delivery metrics take it as `sync_id`.",
		"The sync name shown in Amplitude.",
		"Whether the destination sends data.")
	maps.Copy(attributes, map[string]schema.Attribute{
		"braze_app_id": schema.StringAttribute{
			Required:            true,
			MarkdownDescription: "The identifier of the Braze app that receives the events (Braze › Settings › APIs and Identifiers), UUID-shaped.",
			Validators:          []validator.String{shared.UUID()},
		},
		"user_alias_label": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "The Braze user alias label. Required when `identifier_mapping.braze_identifier` is `user_alias`, and used only then.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"update_users_only": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
			MarkdownDescription: "When `true`, Braze only updates existing users and never creates new ones. Defaults to `false`.",
		},
		"identifier_mapping": schema.SingleNestedAttribute{
			Required:            true,
			MarkdownDescription: "Which Amplitude user property identifies the Braze user, and as which Braze identifier.",
			Attributes: map[string]schema.Attribute{
				"amplitude_property": schema.StringAttribute{
					Required:            true,
					MarkdownDescription: "The Amplitude user property, e.g. `user_id`.",
					Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				},
				"braze_identifier": schema.StringAttribute{
					Required:            true,
					MarkdownDescription: "The Braze identifier type: one of " + backtickList(eventStreamIdentifiers) + ".",
					Validators:          []validator.String{stringvalidator.OneOf(eventStreamIdentifiers...)},
				},
			},
		},
		"send_events": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Forward events to Braze. Present means events are forwarded. At least one of `send_events` and `send_users` is set.",
			Attributes: map[string]schema.Attribute{
				"all_events": schema.BoolAttribute{
					Optional:            true,
					Computed:            true,
					Default:             booldefault.StaticBool(false),
					MarkdownDescription: "Forward every event. Set either this to `true` or `events`.",
				},
				"events": schema.SetAttribute{
					ElementType:         types.StringType,
					Optional:            true,
					MarkdownDescription: "The event types to forward, e.g. `[\"Purchase\"]`. Set either this or `all_events = true`.",
					Validators:          nonEmptyStringSet,
				},
				"filters": schema.ListNestedAttribute{
					Optional:            true,
					MarkdownDescription: "Conditions a forwarded event must meet, all of them.",
					Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
					NestedObject: schema.NestedAttributeObject{
						Attributes: map[string]schema.Attribute{
							"property": schema.StringAttribute{
								Required:            true,
								MarkdownDescription: "The event or user property the filter tests.",
								Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
							},
							"operator": schema.StringAttribute{
								Required:            true,
								MarkdownDescription: "One of " + backtickList(filterOperators) + ".",
								Validators:          []validator.String{stringvalidator.OneOf(filterOperators...)},
							},
							"values": schema.ListAttribute{
								ElementType:         types.StringType,
								Optional:            true,
								MarkdownDescription: "The values to compare with. Required, except for `is_set` and `is_not_set`, which take none.",
								Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
							},
						},
					},
				},
				"event_properties": schema.SetAttribute{
					ElementType:         types.StringType,
					Optional:            true,
					MarkdownDescription: "Event properties sent along with each event.",
					Validators:          nonEmptyStringSet,
				},
				"user_properties": schema.SetAttribute{
					ElementType:         types.StringType,
					Optional:            true,
					MarkdownDescription: "User properties sent along with each event.",
					Validators:          nonEmptyStringSet,
				},
			},
		},
		"send_users": schema.SingleNestedAttribute{
			Optional:            true,
			MarkdownDescription: "Send user property changes to Braze as custom attributes. Present means users are forwarded.",
			Attributes: map[string]schema.Attribute{
				"user_properties": schema.SetAttribute{
					ElementType:         types.StringType,
					Required:            true,
					MarkdownDescription: "The user properties to send; each becomes a Braze custom attribute of the same name.",
					Validators:          nonEmptyStringSet,
				},
			},
		},
	})
	maps.Copy(attributes, brazeAPIKey.schemaAttributes("The Braze REST API key Amplitude sends with, which needs the `users.track` permission."))
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Amplitude **Braze (Event Stream)** destination: it forwards Amplitude events and user property changes to a Braze workspace. " +
			modeledEndpointNote,
		Attributes: attributes,
	}
}

func (r *brazeDestinationResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return append(brazeAPIKey.configValidators(),
		resourcevalidator.AtLeastOneOf(path.MatchRoot("send_events"), path.MatchRoot("send_users")))
}

// ValidateConfig checks the rules that join attributes; it reads each value by
// path so that values not yet known are skipped rather than misjudged.
func (r *brazeDestinationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var identifier, aliasLabel types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("identifier_mapping").AtName("braze_identifier"), &identifier)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_alias_label"), &aliasLabel)...)
	if identifier.ValueString() == "user_alias" && aliasLabel.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("user_alias_label"), "Missing user alias label",
			"user_alias_label: required when identifier_mapping.braze_identifier is \"user_alias\".")
	}

	var sendEvents types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("send_events"), &sendEvents)...)
	if sendEvents.IsNull() || sendEvents.IsUnknown() {
		return
	}
	eventsPath := path.Root("send_events")
	var allEvents types.Bool
	var events types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, eventsPath.AtName("all_events"), &allEvents)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, eventsPath.AtName("events"), &events)...)
	switch {
	case allEvents.IsUnknown() || events.IsUnknown():
	case allEvents.ValueBool() && !events.IsNull():
		resp.Diagnostics.AddAttributeError(eventsPath.AtName("events"), "Conflicting event selection",
			"send_events.events: cannot be set when send_events.all_events is true; choose one.")
	case !allEvents.ValueBool() && events.IsNull():
		resp.Diagnostics.AddAttributeError(eventsPath.AtName("events"), "No events selected",
			"send_events.events: send_events needs either events (a set of event names) or all_events = true.")
	}

	var filters types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, eventsPath.AtName("filters"), &filters)...)
	if filters.IsNull() || filters.IsUnknown() {
		return
	}
	for i := range filters.Elements() {
		filterPath := eventsPath.AtName("filters").AtListIndex(i)
		var operator types.String
		var values types.List
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, filterPath.AtName("operator"), &operator)...)
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, filterPath.AtName("values"), &values)...)
		if operator.IsUnknown() || operator.IsNull() || values.IsUnknown() {
			continue
		}
		valueless := valuelessFilterOperator[operator.ValueString()]
		if valueless && !values.IsNull() {
			resp.Diagnostics.AddAttributeError(filterPath.AtName("values"), "Unexpected filter values",
				fmt.Sprintf("%s: operator %q takes no values; remove values.", filterPath.AtName("values"), operator.ValueString()))
		}
		if !valueless && values.IsNull() {
			resp.Diagnostics.AddAttributeError(filterPath.AtName("values"), "Missing filter values",
				fmt.Sprintf("%s: operator %q needs values; only is_set and is_not_set take none.", filterPath.AtName("values"), operator.ValueString()))
		}
	}
}

func (m brazeDestinationModel) destinationID() types.String { return m.ID }

func (m brazeDestinationModel) withSecret(v secretValues) brazeDestinationModel {
	m.BrazeAPIKey, m.BrazeAPIKeyWOVersion = v.Sensitive, v.Version
	return m
}

func (m brazeDestinationModel) secret() secretValues {
	return secretValues{Sensitive: m.BrazeAPIKey, Version: m.BrazeAPIKeyWOVersion}
}

func (m brazeDestinationModel) toAPI(key string) amplitude.Destination {
	d := amplitude.Destination{
		Type:    amplitude.DestinationTypeBraze,
		Name:    m.Name.ValueString(),
		Enabled: m.Enabled.ValueBool(),
		Config: amplitude.DestinationConfig{
			Endpoint:        m.BrazeEndpoint.ValueString(),
			APIKey:          key,
			AppID:           m.BrazeAppID.ValueString(),
			UserAliasLabel:  m.UserAliasLabel.ValueStringPointer(),
			UpdateUsersOnly: m.UpdateUsersOnly.ValueBool(),
		},
	}
	if m.IdentifierMapping != nil {
		d.Mapping = &amplitude.IdentifierMapping{
			AmplitudeProperty: m.IdentifierMapping.AmplitudeProperty.ValueString(),
			BrazeIdentifier:   m.IdentifierMapping.BrazeIdentifier.ValueString(),
		}
	}
	if e := m.SendEvents; e != nil {
		d.SendEvents = &amplitude.SendEvents{
			AllEvents:       e.AllEvents.ValueBool(),
			Events:          e.Events,
			EventProperties: e.EventProperties,
			UserProperties:  e.UserProperties,
		}
		for _, f := range e.Filters {
			d.SendEvents.Filters = append(d.SendEvents.Filters, amplitude.EventFilter{
				Property: f.Property.ValueString(), Operator: f.Operator.ValueString(), Values: f.Values,
			})
		}
	}
	if m.SendUsers != nil {
		d.SendUsers = &amplitude.SendUsers{UserProperties: m.SendUsers.UserProperties}
	}
	return d
}

func (m brazeDestinationModel) withServerState(d *amplitude.Destination) brazeDestinationModel {
	m.ID = types.StringValue(d.ID)
	m.Name = types.StringValue(d.Name)
	m.Enabled = types.BoolValue(d.Enabled)
	m.BrazeEndpoint = types.StringValue(d.Config.Endpoint)
	m.BrazeAppID = types.StringValue(d.Config.AppID)
	m.UserAliasLabel = types.StringPointerValue(emptyToNil(d.Config.UserAliasLabel))
	m.UpdateUsersOnly = types.BoolValue(d.Config.UpdateUsersOnly)
	m.BrazeAPIKeyWO = types.StringNull()

	m.IdentifierMapping = nil
	if d.Mapping != nil {
		m.IdentifierMapping = &identifierMappingModel{
			AmplitudeProperty: types.StringValue(d.Mapping.AmplitudeProperty),
			BrazeIdentifier:   types.StringValue(d.Mapping.BrazeIdentifier),
		}
	}
	m.SendEvents = nil
	if e := d.SendEvents; e != nil {
		m.SendEvents = &sendEventsModel{
			AllEvents:       types.BoolValue(e.AllEvents),
			Events:          nilIfEmpty(e.Events),
			EventProperties: nilIfEmpty(e.EventProperties),
			UserProperties:  nilIfEmpty(e.UserProperties),
		}
		for _, f := range e.Filters {
			m.SendEvents.Filters = append(m.SendEvents.Filters, eventFilterModel{
				Property: types.StringValue(f.Property), Operator: types.StringValue(f.Operator), Values: nilIfEmpty(f.Values),
			})
		}
	}
	m.SendUsers = nil
	if d.SendUsers != nil {
		m.SendUsers = &sendUsersModel{UserProperties: nilIfEmpty(d.SendUsers.UserProperties)}
	}
	return m
}
