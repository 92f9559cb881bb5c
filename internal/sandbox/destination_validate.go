package sandbox

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The rules of Amplitude's destination forms, as a client would meet them
// when saving. Every message names the field and what would be valid.

var (
	destinationTypes      = []string{destinationTypeBraze, destinationTypeBrazeCohort}
	streamIdentifiers     = []string{"external_id", "braze_id", "user_alias", "email"}
	cohortIdentifiers     = []string{"external_id", "device_id", "user_alias"}
	filterOperators       = []string{"is", "is_not", "contains", "does_not_contain", "greater", "less", "is_set", "is_not_set"}
	operatorsWithoutValue = []string{"is_set", "is_not_set"}
	uuidPattern           = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

const maxCohortMappings = 3

// validateDestination checks a create (stored is nil) or a replacement of
// stored. It looks at the request alone; rules that need the rest of the
// state (unique names, the key check) come after it.
func validateDestination(spec *destinationSpec, stored *destination) error {
	var p problems
	creating := stored == nil
	if strings.TrimSpace(spec.Name) == "" {
		p.add("name is required")
	}
	switch {
	case spec.Type == "":
		p.add("type is required: one of %s", strings.Join(destinationTypes, ", "))
	case !slices.Contains(destinationTypes, spec.Type):
		p.add("type %q is not valid: use one of %s", spec.Type, strings.Join(destinationTypes, ", "))
	case !creating && spec.Type != stored.Type:
		p.add("type cannot change from %s to %s; create a new destination instead", stored.Type, spec.Type)
	}
	checkEndpoint(&p, spec.Config.Endpoint)
	switch spec.Type {
	case destinationTypeBraze:
		checkEventStream(&p, spec, creating)
	case destinationTypeBrazeCohort:
		checkCohortSync(&p, spec, creating)
	}
	return p.err()
}

func checkEndpoint(p *problems, endpoint string) {
	if endpoint == "" {
		p.add("config.endpoint is required: your Braze REST endpoint, such as https://rest.iad-01.braze.com")
		return
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" || (u.Scheme != "https" && (u.Scheme != "http" || !isLoopback(u.Hostname()))) {
		p.add("config.endpoint %q must be an https:// URL (plain http:// only for loopback hosts)", endpoint)
		return
	}
	if !isBrazeEndpoint(endpoint, u) {
		p.add("config.endpoint %q is not a Braze REST endpoint: use your instance's, such as https://rest.iad-01.braze.com", endpoint)
	}
}

// checkEventStream applies the rules of "Braze (Event Stream)".
func checkEventStream(p *problems, spec *destinationSpec, creating bool) {
	const kind = destinationTypeBraze
	checkSecret(p, "config.api_key", spec.Config.APIKey, creating)
	switch appID := spec.Config.AppID; {
	case appID == nil || *appID == "":
		p.add("config.app_id is required: the Braze app identifier, a UUID")
	case !uuidPattern.MatchString(*appID):
		p.add("config.app_id %q must be a UUID such as 01234567-89ab-cdef-0123-456789abcdef", *appID)
	}
	checkAbsent(p, "config.data_import_key", spec.Config.DataImportKey != nil, kind)
	checkAbsent(p, "mappings", spec.Mappings != nil, kind)

	if m := spec.Mapping; m == nil {
		p.add("mapping is required for type braze: an amplitude_property and a braze_identifier (%s)", strings.Join(streamIdentifiers, ", "))
	} else {
		checkMapping(p, "mapping", *m, streamIdentifiers)
		if m.BrazeIdentifier == "user_alias" && isBlank(spec.Config.UserAliasLabel) {
			p.add("config.user_alias_label is required when mapping.braze_identifier is user_alias")
		}
	}

	if spec.SendEvents == nil && spec.SendUsers == nil {
		p.add("at least one of send_events or send_users is required for type braze")
	}
	if se := spec.SendEvents; se != nil {
		switch {
		case se.AllEvents && len(se.Events) > 0:
			p.add("send_events sets both all_events and events: set all_events: true or list events, not both")
		case !se.AllEvents && len(se.Events) == 0:
			p.add("send_events needs all_events: true or a non-empty events list")
		}
		for i, f := range se.Filters {
			checkFilter(p, i, f)
		}
	}
}

func checkFilter(p *problems, i int, f eventFilter) {
	if f.Property == "" {
		p.add("send_events.filters[%d].property is required", i)
	}
	switch {
	case !slices.Contains(filterOperators, f.Operator):
		p.add("send_events.filters[%d].operator %q is not valid: use one of %s", i, f.Operator, strings.Join(filterOperators, ", "))
	case slices.Contains(operatorsWithoutValue, f.Operator) && len(f.Values) > 0:
		p.add("send_events.filters[%d].values must be empty for operator %s", i, f.Operator)
	case !slices.Contains(operatorsWithoutValue, f.Operator) && len(f.Values) == 0:
		p.add("send_events.filters[%d].values must list at least one value for operator %s", i, f.Operator)
	}
}

// checkCohortSync applies the rules of "Braze (Cohort Sync)", which matches
// existing Braze users by up to three identifiers in priority order.
func checkCohortSync(p *problems, spec *destinationSpec, creating bool) {
	const kind = destinationTypeBrazeCohort
	checkSecret(p, "config.data_import_key", spec.Config.DataImportKey, creating)
	checkAbsent(p, "config.api_key", spec.Config.APIKey != nil, kind)
	checkAbsent(p, "config.app_id", spec.Config.AppID != nil, kind)
	checkAbsent(p, "mapping", spec.Mapping != nil, kind)
	checkAbsent(p, "send_events", spec.SendEvents != nil, kind)
	checkAbsent(p, "send_users", spec.SendUsers != nil, kind)

	switch n := len(spec.Mappings); {
	case n == 0:
		p.add("mappings is required for type braze_cohort: 1 to %d entries in priority order, each with a braze_identifier (%s)",
			maxCohortMappings, strings.Join(cohortIdentifiers, ", "))
	case n > maxCohortMappings:
		p.add("mappings has %d entries; at most %d are allowed", n, maxCohortMappings)
	}
	usesAlias := false
	for i, m := range spec.Mappings {
		field := fmt.Sprintf("mappings[%d]", i)
		checkMapping(p, field, m, cohortIdentifiers)
		if first := slices.IndexFunc(spec.Mappings, func(o identityMapping) bool { return o.BrazeIdentifier == m.BrazeIdentifier }); first < i {
			p.add("%s.braze_identifier %q repeats mappings[%d]; each identifier may be used once", field, m.BrazeIdentifier, first)
		}
		usesAlias = usesAlias || m.BrazeIdentifier == "user_alias"
	}
	if usesAlias && isBlank(spec.Config.UserAliasLabel) {
		p.add("config.user_alias_label is required when a mapping uses user_alias")
	}
}

func checkMapping(p *problems, field string, m identityMapping, identifiers []string) {
	if m.AmplitudeProperty == "" {
		p.add("%s.amplitude_property is required: the Amplitude user property that holds the identifier, such as user_id", field)
	}
	if !slices.Contains(identifiers, m.BrazeIdentifier) {
		p.add("%s.braze_identifier %q is not valid: use one of %s", field, m.BrazeIdentifier, strings.Join(identifiers, ", "))
	}
}

// checkSecret requires a secret on create; on replace an absent secret keeps
// the stored one. A masked value sent back from a read is refused, or it
// would overwrite the real secret with its mask.
func checkSecret(p *problems, field string, value *string, creating bool) {
	switch {
	case creating && (value == nil || *value == ""):
		p.add("%s is required", field)
	case value == nil:
	case *value == "":
		p.add("%s must not be empty; omit it to keep the stored value", field)
	case strings.HasPrefix(*value, maskPrefix):
		p.add("%s is a masked value as reads return it; send the secret itself, or omit it to keep the stored one", field)
	}
}

func checkAbsent(p *problems, field string, present bool, kind string) {
	if present {
		p.add("%s must be absent for type %s", field, kind)
	}
}

func isBlank(s *string) bool {
	return s == nil || strings.TrimSpace(*s) == ""
}
