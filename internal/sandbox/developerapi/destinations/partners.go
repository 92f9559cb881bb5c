package destinations

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// The partners a destination can send to, and the rules of their config.
// The catalog is data, in partners.yaml; the rules between parameters,
// which a schema cannot say, are below.

//go:embed partners.yaml
var partnersYAML []byte

type partner struct {
	Partner     string      `json:"partner"`
	DisplayName string      `json:"display_name"`
	Types       []string    `json:"types"`
	Parameters  []parameter `json:"parameters"`
}

type parameter struct {
	ID          string           `json:"id"`
	Label       string           `json:"label"`
	Kind        string           `json:"kind"`
	Description string           `json:"description"`
	AppliesTo   []string         `json:"applies_to"`
	RequiredFor []string         `json:"required_for"`
	Schema      *openapi3.Schema `json:"schema"`
}

// writeOnly reports whether the parameter is a secret, whose value is never
// answered (open point: Secrets on read).
func (p *parameter) writeOnly() bool { return p.Kind == "secret" }

// partners returns the catalog. It is read once and shared by every
// sandbox, because nothing changes it. It is compiled in, so a catalog that
// does not load is a broken build, and every test of the package shows it.
var partners = sync.OnceValue(func() []partner {
	var raw any
	if err := yaml.Unmarshal(partnersYAML, &raw); err != nil {
		panic(fmt.Sprintf("destinations: partners.yaml: %v", err))
	}
	data, err := json.Marshal(raw)
	if err != nil {
		panic(fmt.Sprintf("destinations: partners.yaml: %v", err))
	}
	var catalog []partner
	if err := json.Unmarshal(data, &catalog); err != nil {
		panic(fmt.Sprintf("destinations: partners.yaml: %v", err))
	}
	// Braze's api_endpoint takes one of Braze's instances, whose list
	// package brazeapi keeps.
	for i := range catalog {
		if endpoint := catalog[i].parameter("api_endpoint"); catalog[i].Partner == PartnerBraze {
			for _, url := range brazeapi.InstanceEndpoints() {
				endpoint.Schema.Enum = append(endpoint.Schema.Enum, url)
			}
		}
	}
	return catalog
})

func (a *API) partnerOf(name string) *partner {
	i := slices.IndexFunc(a.catalog, func(p partner) bool { return p.Partner == name })
	if i < 0 {
		return nil
	}
	return &a.catalog[i]
}

func (a *API) partnerNames() string {
	names := make([]string, len(a.catalog))
	for i, p := range a.catalog {
		names[i] = p.Partner
	}
	return strings.Join(names, ", ")
}

// parameter returns the partner's parameter with the given id, or nil. A
// partner the catalog does not have (only a hand-edited state file can name
// one) is nil and has no parameters.
func (p *partner) parameter(id string) *parameter {
	if p == nil {
		return nil
	}
	i := slices.IndexFunc(p.Parameters, func(param parameter) bool { return param.ID == id })
	if i < 0 {
		return nil
	}
	return &p.Parameters[i]
}

// view returns the partner in the vendor's shape. Its id is its partner
// key, the only identity the catalog needs.
func (p *partner) view() map[string]any {
	params := make([]map[string]any, len(p.Parameters))
	for i := range p.Parameters {
		param := &p.Parameters[i]
		view := map[string]any{
			"id": param.ID, "label": param.Label, "kind": param.Kind, "description": param.Description,
			"required": overlapsAll(param.RequiredFor, p.Types), "write_only": param.writeOnly(),
		}
		if param.Kind == "enum" {
			view["enum_values"] = param.Schema.Enum
		}
		params[i] = view
	}
	return map[string]any{"id": p.Partner, "object": "destination_type", "partner": p.Partner, "display_name": p.DisplayName, "types": p.Types, "parameters": params}
}

// overlapsAll reports whether kinds holds every one of all.
func overlapsAll(kinds, all []string) bool {
	return !slices.ContainsFunc(all, func(k string) bool { return !slices.Contains(kinds, k) })
}

func overlaps(a, b []string) bool {
	return slices.ContainsFunc(a, func(s string) bool { return slices.Contains(b, s) })
}

// listDestinationTypes pages through the fixed catalog, whose cursors are
// positions in it (list-destination-partner-types).
func (a *API) listDestinationTypes(w http.ResponseWriter, r *http.Request) {
	p, err := developerapi.ParsePage(r.URL.Query())
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	positions := make([]int64, len(a.catalog))
	for i := range positions {
		positions[i] = int64(i + 1)
	}
	page, next, err := developerapi.PageOf(positions, func(position int64) int64 { return position }, p, a.dev.SearchWindow())
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	views := make([]map[string]any, len(page))
	for i, position := range page {
		views[i] = a.catalog[position-1].view()
	}
	developerapi.WriteList(w, views, next)
}

func (a *API) getDestinationType(w http.ResponseWriter, r *http.Request) {
	p := a.partnerOf(r.PathValue("partner"))
	if p == nil {
		core.Fail(a.dev, w, r, developerapi.Refuse(http.StatusNotFound, developerapi.CodeNotFound,
			"no destination type %q; the partners are %s", r.PathValue("partner"), a.partnerNames()))
		return
	}
	developerapi.WriteData(w, http.StatusOK, p.view())
}

// checkConfig validates a destination's whole config for its kinds. Every
// key must be a parameter of the partner that applies to those kinds, every
// parameter the kinds require must be set, every value must match its
// parameter's schema, and then the rules between parameters must hold. Each
// problem is located at config.<parameter>,
// for a 422 invalid_config (open points: Braze's parameter ids, and Error
// codes of 412 / 422).
func (p *partner) checkConfig(config map[string]any, kinds []string, problems *core.FieldProblems) {
	for _, id := range slices.Sorted(maps.Keys(config)) {
		field := "config." + id
		param := p.parameter(id)
		switch {
		case param == nil:
			ids := make([]string, len(p.Parameters))
			for i := range p.Parameters {
				ids[i] = p.Parameters[i].ID
			}
			problems.Add(field, core.ProblemUnknownField, "%s is not a parameter of partner %s; its parameters are %s", field, p.Partner, strings.Join(ids, ", "))
		case param.AppliesTo != nil && !overlaps(kinds, param.AppliesTo):
			problems.Add(field, core.ProblemNotAllowed, "%s is for %s destinations; this one is of kind %s",
				field, strings.Join(param.AppliesTo, " or "), strings.Join(kinds, ", "))
		default:
			*problems = append(*problems, core.CheckValue(param.Schema, config[id], field)...)
		}
	}
	for _, param := range p.Parameters {
		if _, set := config[param.ID]; !set && overlaps(kinds, param.RequiredFor) {
			problems.Add("config."+param.ID, core.ProblemRequired, "config.%s is required: %s", param.ID, param.Description)
		}
	}
	if p.Partner == PartnerBraze {
		checkBrazeMappings(config, problems)
	}
	for _, param := range p.Parameters {
		headers, _ := config[param.ID].(map[string]any)
		for _, name := range slices.Sorted(maps.Keys(headers)) {
			if param.Kind == "http_headers" && !headerName.MatchString(name) {
				problems.Add("config."+param.ID+"."+name, core.ProblemInvalidValue, "config.%s: %q is not an HTTP header name", param.ID, name)
			}
		}
	}
}

// headerName matches an HTTP field name, RFC 9110's token. It is checked in
// Go because an OpenAPI 3.0 schema cannot apply a pattern to a map's keys.
var headerName = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

// checkBrazeMappings checks the rules of Braze's identifier mappings that
// their schema cannot express: a cohort destination matches by each Braze
// identifier at most once, and a mapping that uses user_alias needs the
// alias label, since Braze finds an alias by its label and name ("used only
// with the User Alias identifier":
// amplitude.com/docs/data/destination-catalog/braze).
func checkBrazeMappings(config map[string]any, problems *core.FieldProblems) {
	seen := map[any]int{}
	list, _ := config["identifier_mappings"].([]any)
	for i, m := range list {
		identifier := mappedIdentifier(m)
		first, repeated := seen[identifier]
		switch {
		case identifier == nil:
		case repeated:
			problems.Add(fmt.Sprintf("config.identifier_mappings[%d].braze_identifier", i), core.ProblemDuplicate,
				"config.identifier_mappings[%d].braze_identifier %q repeats config.identifier_mappings[%d]; each identifier may be used once", i, identifier, first)
		default:
			seen[identifier] = i
		}
	}
	if _, set := config["user_alias_label"]; !set && usesUserAlias(config) {
		problems.Add("config.user_alias_label", core.ProblemRequired, "config.user_alias_label is required when a mapping uses user_alias")
	}
}

func mappedIdentifier(mapping any) any {
	m, _ := mapping.(map[string]any)
	return m["braze_identifier"]
}

func usesUserAlias(config map[string]any) bool {
	list, _ := config["identifier_mappings"].([]any)
	return slices.ContainsFunc(slices.Concat(list, []any{config["user_id_mapping"]}), func(m any) bool { return mappedIdentifier(m) == "user_alias" })
}

// partnerWarnings returns a dry run's warnings about a valid config, which
// are the sandbox's own. There is one: a user_alias_label that no mapping
// uses is ignored.
func partnerWarnings(d *destination) []string {
	config := d.decodedConfig()
	if _, set := config["user_alias_label"]; set && d.Partner == PartnerBraze && !usesUserAlias(config) {
		return []string{"user_alias_label is set but no mapping uses user_alias: it is ignored"}
	}
	return nil
}
