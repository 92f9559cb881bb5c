package amplitude

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// The amplitude_destination model, and how it maps to and from a
// destination of any partner. The partner's parameters are not known until
// its destination type is read, so the model is checked against that type
// before anything is written.

type genericDestinationModel struct {
	destinationComputed
	Partner               types.String        `tfsdk:"partner"`
	DisplayName           types.String        `tfsdk:"display_name"`
	Kind                  types.Set           `tfsdk:"kind"`
	Config                types.Dynamic       `tfsdk:"config"`
	SecretConfig          types.Map           `tfsdk:"secret_config"`
	SecretConfigWO        types.Map           `tfsdk:"secret_config_wo"`
	SecretConfigWOVersion types.Int64         `tfsdk:"secret_config_wo_version"`
	Enabled               types.Bool          `tfsdk:"enabled"`
	Paused                types.Bool          `tfsdk:"paused"`
	EventFilter           *genericEventFilter `tfsdk:"event_filter"`
	PropertyMappings      types.Dynamic       `tfsdk:"property_mappings"`
	SendEvents            types.Bool          `tfsdk:"send_events"`
	SendUsers             types.Bool          `tfsdk:"send_users"`
}

type genericEventFilter struct {
	Events          []string      `tfsdk:"events"`
	PropertyFilters types.Dynamic `tfsdk:"property_filters"`
}

// kinds returns the configured kinds, or none when the configuration leaves
// Amplitude to infer them from the partner.
func (m genericDestinationModel) kinds(ctx context.Context) ([]string, diag.Diagnostics) {
	var kinds []string
	if m.Kind.IsNull() || m.Kind.IsUnknown() {
		return nil, nil
	}
	diags := m.Kind.ElementsAs(ctx, &kinds, false)
	return kinds, diags
}

// write turns the model into a write of the partner's parameters. secrets
// holds the secret values, keyed by parameter id. prior is the state an
// update starts from, and nil for a create. An update replaces the whole
// destination, so a parameter that Amplitude holds but that is no longer
// configured is sent as null so that Amplitude removes it; secrets that are
// no longer given are removed too. The write carries a check that runs
// before it is sent: the partner's destination type must accept every
// parameter.
func (m genericDestinationModel) write(ctx context.Context, secrets map[string]string, prior *genericDestinationModel) (developer.DestinationWrite, diag.Diagnostics) {
	var diags diag.Diagnostics
	kinds, d := m.kinds(ctx)
	diags.Append(d...)
	config, err := m.configObject(ctx)
	if err != nil {
		diags.AddAttributeError(path.Root("config"), "Invalid config", err.Error())
		return developer.DestinationWrite{}, diags
	}
	toSend := maps.Clone(config)
	for id, value := range secrets {
		toSend[id] = mustMarshal(value)
	}
	if prior != nil {
		if held, err := prior.configObject(ctx); err == nil {
			for id := range held {
				if _, ok := toSend[id]; !ok {
					toSend[id] = json.RawMessage("null")
				}
			}
		}
	}
	spec := developer.DestinationSpec{
		DisplayName: m.DisplayName.ValueString(),
		Kind:        kinds,
		Config:      toSend,
		Enabled:     knownBool(m.Enabled),
		SendEvents:  knownBool(m.SendEvents),
		SendUsers:   knownBool(m.SendUsers),
	}
	if f := m.EventFilter; f != nil {
		spec.EventFilter = &developer.EventFilter{Events: f.Events}
		if spec.EventFilter.PropertyFilters, err = dynamicToJSON(ctx, f.PropertyFilters); err != nil {
			diags.AddAttributeError(path.Root("event_filter").AtName("property_filters"), "Invalid property filters", err.Error())
		}
		if developer.JSONEqual(spec.EventFilter.PropertyFilters, nil) {
			spec.EventFilter.PropertyFilters = nil
		}
	}
	if spec.PropertyMappings, err = dynamicToJSON(ctx, m.PropertyMappings); err != nil {
		diags.AddAttributeError(path.Root("property_mappings"), "Invalid property mappings", err.Error())
	}
	secretsIn := secretConfig.nameInUse(m.SecretConfigWOVersion)
	return developer.DestinationWrite{
		Partner: m.Partner.ValueString(),
		Spec:    spec,
		Check: func(t *developer.DestinationType) developer.Diagnostics {
			return checkParameters(t, config, secrets, secretsIn, kinds)
		},
		RemoveUnsentSecrets: true,
	}, diags
}

// configObject returns config as a map from parameter id to JSON value.
func (m genericDestinationModel) configObject(ctx context.Context) (map[string]json.RawMessage, error) {
	raw, err := dynamicToJSON(ctx, m.Config)
	if err != nil {
		return nil, err
	}
	config := map[string]json.RawMessage{}
	if developer.JSONEqual(raw, nil) {
		return config, nil
	}
	if err := json.Unmarshal(raw, &config); err != nil {
		return nil, fmt.Errorf("config must be an object of parameters by id, such as { url = \"https://example.com\" }")
	}
	return config, nil
}

// checkParameters checks config and secrets against the partner's
// parameters: every key is a parameter of the partner, secrets are in the
// secret attribute (secretsIn) and the rest in config, every required
// parameter is given, and values have the parameter's type and are among
// its allowed values. It also checks that the partner serves the kinds.
func checkParameters(t *developer.DestinationType, config map[string]json.RawMessage, secrets map[string]string, secretsIn string, kinds []string) developer.Diagnostics {
	var found developer.Diagnostics
	known := make([]string, len(t.Parameters))
	for i, p := range t.Parameters {
		known[i] = p.ID
	}
	for _, k := range sortedKeys(config) {
		p, ok := t.Parameter(k)
		switch {
		case !ok:
			found.AddError("config."+k, "Unknown parameter",
				fmt.Sprintf("config.%s: partner %q has no parameter %q; its parameters are %s.", k, t.Partner, k, strings.Join(known, ", ")))
		case p.IsSecret():
			found.AddError("config."+k, "Secret parameter in config",
				fmt.Sprintf("config.%s: %q is a secret parameter of %s (Amplitude never returns it): set it in %s instead.", k, k, t.Partner, secretsIn))
		default:
			found = append(found, checkParameterValue(p, config[k])...)
		}
	}
	for _, k := range sortedKeys(secrets) {
		p, ok := t.Parameter(k)
		switch {
		case !ok:
			found.AddError("config."+k, "Unknown parameter",
				fmt.Sprintf("%s.%s: partner %q has no parameter %q; its parameters are %s.", secretsIn, k, t.Partner, k, strings.Join(known, ", ")))
		case !p.IsSecret():
			found.AddError("config."+k, "Not a secret parameter",
				fmt.Sprintf("%s.%s: %q is not secret (Amplitude returns it): set it in config instead.", secretsIn, k, k))
		}
	}
	for _, p := range t.Parameters {
		_, inConfig := config[p.ID]
		_, inSecrets := secrets[p.ID]
		if p.Required && !inConfig && !inSecrets {
			where := "config"
			if p.IsSecret() {
				where = secretsIn
			}
			found.AddError("config."+p.ID, "Missing required parameter",
				fmt.Sprintf("%s.%s: partner %q requires parameter %q (%s).", where, p.ID, t.Partner, p.ID, p.Label))
		}
	}
	for _, k := range kinds {
		if k != developer.KindWarehouseExport && !slices.Contains(t.Types, k) {
			found.AddError("kind", "Kind not served by the partner",
				fmt.Sprintf("kind: partner %q serves %s, not %q.", t.Partner, strings.Join(t.Types, ", "), k))
		}
	}
	return found
}

// checkParameterValue checks the JSON type of a value of p, and the value
// itself when p is an enum.
func checkParameterValue(p developer.Parameter, raw json.RawMessage) developer.Diagnostics {
	var found developer.Diagnostics
	var v any
	_ = json.Unmarshal(raw, &v)
	want := ""
	switch p.Kind {
	case "string", "enum":
		if _, ok := v.(string); !ok {
			want = "a string"
		}
	case "number":
		if _, ok := v.(float64); !ok {
			want = "a number"
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			want = "true or false"
		}
	}
	if want != "" {
		found.AddError("config."+p.ID, "Invalid parameter value",
			fmt.Sprintf("config.%s: parameter %q (%s) takes %s.", p.ID, p.ID, p.Kind, want))
		return found
	}
	if s, ok := v.(string); ok && p.Kind == "enum" && len(p.EnumValues) > 0 && !slices.Contains(p.EnumValues, s) {
		found.AddError("config."+p.ID, "Invalid parameter value",
			fmt.Sprintf("config.%s: %q is not one of %s.", p.ID, s, strings.Join(p.EnumValues, ", ")))
	}
	return found
}

// fromDestination returns m updated to what Amplitude holds in d. Amplitude
// never returns secrets, so the secret attributes keep their values from m,
// except the write-only one, which is never kept in state. Where Amplitude
// returns a JSON value that means the same as the one in m, m's spelling is
// kept, so that a different but equal spelling is not a diff.
func (m genericDestinationModel) fromDestination(ctx context.Context, d *developer.Destination) (genericDestinationModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	keep := func(prior types.Dynamic, server json.RawMessage, attribute string) types.Dynamic {
		if prior.IsNull() && (developer.JSONEqual(server, nil) || developer.JSONEqual(server, json.RawMessage("{}"))) {
			return prior
		}
		v, err := keepIfSame(ctx, prior, server)
		if err != nil {
			diags.AddError("Cannot read the "+destinationWhat, fmt.Sprintf("%s: %v", attribute, err))
		}
		return v
	}
	m.destinationComputed = computedFrom(d)
	m.Partner = types.StringValue(d.Partner)
	m.DisplayName = types.StringValue(d.DisplayName)
	kind, kindDiags := types.SetValueFrom(ctx, types.StringType, d.Kind)
	diags.Append(kindDiags...)
	m.Kind = kind
	m.Config = keep(m.Config, mustMarshal(d.Config), "config")
	m.SecretConfigWO = types.MapNull(types.StringType)
	m.Enabled = types.BoolPointerValue(d.Enabled)
	m.Paused = types.BoolPointerValue(d.Paused)
	m.SendEvents = types.BoolPointerValue(d.SendEvents)
	m.SendUsers = types.BoolPointerValue(d.SendUsers)
	if f := d.EventFilter; f != nil {
		prior := types.DynamicNull()
		if m.EventFilter != nil {
			prior = m.EventFilter.PropertyFilters
		}
		m.EventFilter = &genericEventFilter{Events: f.Events, PropertyFilters: keep(prior, f.PropertyFilters, "event_filter.property_filters")}
	} else {
		m.EventFilter = nil
	}
	m.PropertyMappings = keep(m.PropertyMappings, d.PropertyMappings, "property_mappings")
	return m, diags
}

// genericFields maps the request fields of any destination to the
// attributes they come from, so that an error about a field can point at its
// attribute. config, property_filters and property_mappings are dynamic
// attributes, so an error about a field inside one of them points at the
// whole attribute, and its message names the field. The secrets are missing
// because their attribute depends on which form is in use; fields adds them.
var genericFields = fieldPaths{
	"partner":                       at(path.Root("partner")),
	"display_name":                  at(path.Root("display_name")),
	"kind":                          at(path.Root("kind")),
	"config":                        wholeAt(path.Root("config")),
	"enabled":                       at(path.Root("enabled")),
	"send_events":                   at(path.Root("send_events")),
	"send_users":                    at(path.Root("send_users")),
	"event_filter":                  at(path.Root("event_filter")),
	"event_filter.events":           at(path.Root("event_filter").AtName("events")),
	"event_filter.property_filters": wholeAt(path.Root("event_filter").AtName("property_filters")),
	"property_mappings":             wholeAt(path.Root("property_mappings")),
}

// fields returns genericFields with the secrets' fields added.
func (m genericDestinationModel) fields(secrets map[string]string) fieldPaths {
	fields := maps.Clone(genericFields)
	maps.Copy(fields, secretConfig.fieldPaths(m.SecretConfigWOVersion, secrets))
	return fields
}

func knownBool(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

func mustMarshal(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func sortedKeys[V any](m map[string]V) []string {
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	return keys
}
