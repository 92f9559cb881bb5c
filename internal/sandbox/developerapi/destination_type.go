package developerapi

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The partners a destination can send to, as GET /v1/destination-types lists
// them (amplitude.com/docs/apis/developer/destinations/list-destination-partner-types
// and get-destination-partner-type): what kinds of destination each serves and
// the parameters of its config. The vendor has not published Braze's partner
// nor its parameters; the ones below are the sandbox's answer (open points:
// Braze's partner key and families, and Braze's parameter ids, x-modelled in
// api/amplitude-developer.openapi.yaml), in one place so that it is one place
// to change when the vendor's answer differs. webhook is a second partner with
// other parameter kinds (numbers, header maps, enums, an optional secret), so
// that a generic client is tested on more than Braze's shapes: a test's need,
// not a partner whose parameters the vendor documents.

// The parameter kinds the sandbox's partners use, of the vendor's twelve
// (get-destination-partner-type, parameters[].kind).
const (
	parameterString      = "string"
	parameterNumber      = "number"
	parameterBoolean     = "boolean"
	parameterSecret      = "secret"
	parameterEnum        = "enum"
	parameterHTTPHeaders = "http_headers"
	parameterMappedField = "mapped_field"
)

// destinationType is a partner.
type destinationType struct {
	partner     string
	displayName string
	// types are the destination kinds the partner serves.
	types      []string
	parameters []destinationParameter
	// checkBetween applies the rules between parameters, after each has
	// passed its own.
	checkBetween func(config map[string]any, p *core.FieldProblems)
	// warnings are the plan warnings of a valid config.
	warnings func(config map[string]any) []string
}

// destinationParameter is one key of a destination's config.
type destinationParameter struct {
	id          string
	label       string
	kind        string
	description string
	enumValues  []string
	// required is what the catalog publishes: true only when every kind of
	// destination needs the parameter; requiredFor holds the rest. The
	// vendor publishes one flag per parameter and does not say how it meets
	// a partner of several kinds: this reading is the sandbox's.
	required bool
	// appliesTo are the kinds of destination that may set the parameter;
	// nil is every kind. A destination with none of them is refused it.
	appliesTo []string
	// requiredFor are the kinds of destination that need the parameter.
	requiredFor []string
	// check applies the parameter's own rules to a value of its kind's JSON
	// type (decoded with json.Number for numbers).
	check func(field string, value any, p *core.FieldProblems)
}

func (param *destinationParameter) writeOnly() bool {
	return param.kind == parameterSecret
}

var (
	streamKinds = []string{KindEvent, KindIdentify}

	// streamIdentifiers are the Braze identifiers an event stream maps its
	// users to; cohortIdentifiers those a cohort sync matches users by
	// (amplitude.com/docs/data/destination-catalog/braze).
	streamIdentifiers = []string{"external_id", "braze_id", "user_alias", "email"}
	cohortIdentifiers = []string{"external_id", "device_id", "user_alias"}

	// uuidPattern is the form of a Braze app identifier
	// (braze.com/docs/api/identifier_types, "App identifier").
	uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	// headerNamePattern is an HTTP field name (RFC 9110's token).
	headerNamePattern = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
)

const (
	// maxCohortMappings: the cohort destination maps up to three
	// identifiers in priority order (External ID, Device ID, User Alias;
	// amplitude.com/docs/data/destination-catalog/braze).
	maxCohortMappings = 3
	// maxWebhookBatch is the webhook partner's, the sandbox's own.
	maxWebhookBatch = 1000
)

var destinationTypes = []destinationType{
	{
		partner:     "braze",
		displayName: "Braze",
		types:       []string{KindEvent, KindIdentify, KindCohort},
		parameters: []destinationParameter{
			{
				id: "api_endpoint", label: "Braze REST endpoint", kind: parameterEnum, required: true,
				description: "The REST endpoint of your Braze instance.",
				enumValues:  brazeapi.InstanceEndpoints(),
			},
			{
				id: "api_key", label: "Braze REST API key", kind: parameterSecret,
				appliesTo: streamKinds, requiredFor: streamKinds,
				description: "A Braze REST API key with the users.track permission whose allowed IPs admit Amplitude's. Required for event and identify destinations.",
			},
			{
				id: "app_id", label: "Braze app identifier", kind: parameterString,
				appliesTo: streamKinds, requiredFor: streamKinds,
				description: "The Braze app identifier, a UUID. Required for event and identify destinations.",
				check:       checkUUID,
			},
			{
				id: "user_alias_label", label: "User alias label", kind: parameterString,
				description: "The label of the Braze user alias. Required when a mapping uses user_alias.",
			},
			{
				id: "update_users_only", label: "Update existing users only", kind: parameterBoolean,
				appliesTo:   streamKinds,
				description: "Update users Braze already has instead of creating new ones. Event and identify destinations; false when not set.",
			},
			{
				id: "user_id_mapping", label: "User identifier mapping", kind: parameterMappedField,
				appliesTo: streamKinds, requiredFor: streamKinds,
				description: `The Amplitude user property that identifies a user in Braze: {"amplitude_property", "braze_identifier": ` +
					strings.Join(streamIdentifiers, "|") + "}. Required for event and identify destinations.",
				check: checkUserIDMapping,
			},
			{
				id: "data_import_key", label: "Braze data import key", kind: parameterSecret,
				appliesTo: []string{KindCohort}, requiredFor: []string{KindCohort},
				description: "The data import key of Braze's Amplitude partner integration. Required for cohort destinations.",
			},
			{
				id: "identifier_mappings", label: "Identifier mappings", kind: parameterMappedField,
				appliesTo: []string{KindCohort}, requiredFor: []string{KindCohort},
				description: fmt.Sprintf(`The Amplitude user properties that match users in Braze, in priority order: 1 to %d of {"amplitude_property", "braze_identifier": %s}, each identifier at most once. Required for cohort destinations.`,
					maxCohortMappings, strings.Join(cohortIdentifiers, "|")),
				check: checkIdentifierMappings,
			},
		},
		checkBetween: checkBrazeAlias,
		warnings:     brazeWarnings,
	},
	{
		partner:     "webhook",
		displayName: "Webhook",
		types:       []string{KindEvent},
		parameters: []destinationParameter{
			{
				id: "url", label: "URL", kind: parameterString, required: true,
				description: "The https:// URL events are posted to.",
				check:       checkHTTPSURL,
			},
			{
				id: "headers", label: "Headers", kind: parameterHTTPHeaders,
				description: "HTTP headers sent with every request, name to value.",
			},
			{
				id: "auth_token", label: "Bearer token", kind: parameterSecret,
				description: "Sent as Authorization: Bearer with every request.",
			},
			{
				id: "batch_size", label: "Batch size", kind: parameterNumber,
				description: fmt.Sprintf("Events per request, a whole number from 1 to %d.", maxWebhookBatch),
				check:       checkBatchSize,
			},
			{
				id: "format", label: "Body format", kind: parameterEnum,
				description: "json (one array per request) or ndjson (one event per line).",
				enumValues:  []string{"json", "ndjson"},
			},
		},
	},
}

func destinationTypeOf(partner string) *destinationType {
	i := slices.IndexFunc(destinationTypes, func(t destinationType) bool { return t.partner == partner })
	if i < 0 {
		return nil
	}
	return &destinationTypes[i]
}

func partnerNames() string {
	names := make([]string, len(destinationTypes))
	for i, t := range destinationTypes {
		names[i] = t.partner
	}
	return strings.Join(names, ", ")
}

// parameter finds a parameter of the partner; a partner the catalog does
// not have (only a hand-edited state file can name one) has none.
func (t *destinationType) parameter(id string) *destinationParameter {
	if t == nil {
		return nil
	}
	i := slices.IndexFunc(t.parameters, func(p destinationParameter) bool { return p.id == id })
	if i < 0 {
		return nil
	}
	return &t.parameters[i]
}

func (t *destinationType) parameterIDs() string {
	ids := make([]string, len(t.parameters))
	for i, p := range t.parameters {
		ids[i] = p.id
	}
	return strings.Join(ids, ", ")
}

// destinationTypeView is a partner as the catalog answers it.
type destinationTypeView struct {
	ID          string          `json:"id"`
	Object      string          `json:"object"`
	Partner     string          `json:"partner"`
	DisplayName string          `json:"display_name"`
	Types       []string        `json:"types"`
	Parameters  []parameterView `json:"parameters"`
}

type parameterView struct {
	ID          string   `json:"id"`
	Label       string   `json:"label"`
	Kind        string   `json:"kind"`
	Required    bool     `json:"required"`
	Description string   `json:"description"`
	EnumValues  []string `json:"enum_values,omitempty"`
	WriteOnly   bool     `json:"write_only"`
}

// view answers the partner in the vendor's shape (get-destination-partner-type);
// its id is its key, the only identity the catalog needs (the vendor does
// not say what else an id could be).
func (t *destinationType) view() destinationTypeView {
	params := make([]parameterView, len(t.parameters))
	for i := range t.parameters {
		param := &t.parameters[i]
		params[i] = parameterView{
			ID:          param.id,
			Label:       param.label,
			Kind:        param.kind,
			Required:    param.required,
			Description: param.description,
			EnumValues:  param.enumValues,
			WriteOnly:   param.writeOnly(),
		}
	}
	return destinationTypeView{
		ID:          t.partner,
		Object:      "destination_type",
		Partner:     t.partner,
		DisplayName: t.displayName,
		Types:       t.types,
		Parameters:  params,
	}
}

func overlaps(a, b []string) bool {
	return slices.ContainsFunc(a, func(s string) bool { return slices.Contains(b, s) })
}
