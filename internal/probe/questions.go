package probe

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// question is what the probe asks the API to settle one open point, and
// the scopes a token needs to ask it.
type question struct {
	scopes []string
	ask    func(ctx context.Context, r *run) outcome
	// last marks a question asked after all the others, whose answers it
	// reads.
	last bool
}

var (
	readDestinations  = []string{"destinations:read"}
	writeDestinations = []string{"destinations:read", "destinations:write"}
	writePlan         = []string{"taxonomy:read", "taxonomy:write"}
)

// questions settle the open points, by their names in the document. A
// point without a way to ask it has a question that says why.
var questions = map[string]question{
	"Braze's partner key and families": {scopes: readDestinations, ask: func(ctx context.Context, r *run) outcome {
		t, failed := r.brazeType(ctx)
		if failed != nil {
			return *failed
		}
		if want := []string{"cohort", "event", "identify"}; !slices.Equal(sorted(t.Types), want) {
			return contradicted("partner braze serves types %v; modelled %v", t.Types, want)
		}
		return confirmed
	}},
	"Braze's parameter ids": {scopes: readDestinations, ask: func(ctx context.Context, r *run) outcome {
		t, failed := r.brazeType(ctx)
		if failed != nil {
			return *failed
		}
		var ids []string
		for _, p := range t.Parameters {
			ids = append(ids, p.ID)
		}
		want := []string{"api_endpoint", "api_key", "app_id", "data_import_key", "identifier_mappings", "update_users_only", "user_alias_label", "user_id_mapping"}
		if !slices.Equal(sorted(ids), want) {
			return contradicted("parameter ids %v; modelled %v", sorted(ids), want)
		}
		return confirmed
	}},
	"Shapes of property_filters, property_mappings": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		body := r.streamBody("shapes")
		ans, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("destinations"), query: dryRun, body: body})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
			return o
		}
		var d destination
		if err := ans.data(&d); err != nil {
			return contradicted("%v", err)
		}
		return sameJSON(map[string]any{"event_filter": body["event_filter"], "property_mappings": body["property_mappings"]},
			map[string]any{"event_filter": d.EventFilter, "property_mappings": d.PropertyMappings})
	}},
	"Secrets on read": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		d, failed := r.readStream(ctx)
		if failed != nil {
			return *failed
		}
		if _, there := d.Config["api_key"]; there {
			return contradicted("a read of a destination returns config.api_key; modelled: left out")
		}
		return confirmed
	}},
	"PATCH of config": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		d, failed := r.readStream(ctx)
		if failed != nil {
			return *failed
		}
		// One key alone: merged, the others stay; then a null removes it.
		label := r.prefix + "alias"
		ans, err := r.ask(ctx, request{method: http.MethodPatch, path: r.projectPath("destinations", d.ID),
			body: map[string]any{"config": map[string]any{"user_alias_label": label}}})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
			return o
		}
		var after destination
		if err := ans.data(&after); err != nil {
			return contradicted("%v", err)
		}
		for _, kept := range []string{"api_endpoint", "app_id", "user_id_mapping"} {
			if _, there := after.Config[kept]; !there {
				return contradicted("a PATCH of config.user_alias_label alone left config without %s: config is replaced; modelled: merged key by key", kept)
			}
		}
		ans, err = r.ask(ctx, request{method: http.MethodPatch, path: r.projectPath("destinations", d.ID),
			body: map[string]any{"config": map[string]any{"user_alias_label": nil}}})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
			return o
		}
		var cleared destination
		if err := ans.data(&cleared); err != nil {
			return contradicted("%v", err)
		}
		if v, there := cleared.Config["user_alias_label"]; there {
			return contradicted("a PATCH of config.user_alias_label: null left it %s; modelled: removed", v)
		}
		return confirmed
	}},
	"Error codes of 412 / 422": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		d, failed := r.readStream(ctx)
		if failed != nil {
			return *failed
		}
		stale := strconv.FormatInt(d.Version+100, 10)
		ans, err := r.ask(ctx, request{method: http.MethodPatch, path: r.projectPath("destinations", d.ID),
			header: http.Header{"If-Match": {stale}}, body: map[string]any{"display_name": d.DisplayName}})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(ans, http.StatusPreconditionFailed, "version_mismatch"); !ok {
			return o
		}
		body := r.streamBody("unknown-parameter")
		body["config"].(map[string]any)["tfprobe_unknown"] = "x"
		ans, err = r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("destinations"), query: dryRun, body: body})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(ans, http.StatusUnprocessableEntity, "invalid_config"); !ok {
			return o
		}
		if !slices.ContainsFunc(ans.problem.ValidationErrors, func(f developer.FieldError) bool { return f.Field == "config.tfprobe_unknown" }) {
			return contradicted("%s; modelled a validation_errors entry for field config.tfprobe_unknown", r.describe(ans))
		}
		return confirmed
	}},
	"PAT header form": {scopes: []string{"projects:read"}, ask: func(ctx context.Context, r *run) outcome {
		token := strings.TrimPrefix(r.cfg.AccessToken, "PAT=")
		if !strings.HasPrefix(token, "amp_") {
			return outcome{verdict: NotTestableWithToken, detail: "it is not a Personal Access Token (amp_…)"}
		}
		for _, form := range []string{"Bearer PAT=" + token, "Bearer " + token} {
			ans, err := r.ask(ctx, request{method: http.MethodGet, path: "/v1/context", header: http.Header{"Authorization": {form}}})
			if err != nil {
				return noAnswer(err)
			}
			if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
				shown := strings.Replace(form, token, "amp_…", 1)
				return contradicted("%s with Authorization: %s", o.detail, shown)
			}
		}
		return confirmed
	}},
	"credential_status": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		// The half a probe can ask: a key that holds users.track reads as
		// connected. The other half needs the key deleted in Braze.
		d, failed := r.readStream(ctx)
		if failed != nil {
			return *failed
		}
		if d.CredentialStatus != "connected" {
			return contradicted("credential_status %q for a destination whose Braze key holds users.track; modelled connected", d.CredentialStatus)
		}
		return confirmed
	}},
	"test": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		d, failed := r.readStream(ctx)
		if failed != nil {
			return *failed
		}
		ans, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("destinations", d.ID, "test")})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
			return o
		}
		var result struct {
			OK     *bool   `json:"ok"`
			Detail *string `json:"detail"`
		}
		if err := ans.data(&result); err != nil || result.OK == nil {
			return contradicted("%s without data.ok", r.describe(ans))
		}
		if !*result.OK {
			return contradicted("ok: false (%s) for a connected destination; modelled ok: true", r.redact(deref(result.Detail)))
		}
		return confirmed
	}},
	"Test of a cohort destination": {ask: func(context.Context, *run) outcome {
		return notTestable("no way to ask without leaving an object behind: a cohort destination can only be removed in Amplitude's dashboard, and a test takes no dry run")
	}},
	"DELETE": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		// Only the probe's own destination is asked: if the vendor does
		// delete it, nothing else is lost.
		d, failed := r.readStream(ctx)
		if failed != nil {
			return *failed
		}
		return r.askRefusal(ctx, request{method: http.MethodDelete, path: r.projectPath("destinations", d.ID)},
			http.StatusMethodNotAllowed, "method_not_allowed")
	}},
	"Rate limit": {last: true, ask: func(_ context.Context, r *run) outcome {
		if len(r.rateLimited) == 0 {
			return notTestable("no 429 was met in this run, and the probe does not flood the vendor to provoke one")
		}
		ans := r.rateLimited[0]
		switch {
		case ans.problem.ErrorCode != "rate_limit_exceeded" || ans.problem.RetryAfterSeconds == nil:
			return contradicted("%s; modelled rate_limit_exceeded with retry_after_seconds", r.describe(ans))
		case ans.header.Get("Retry-After") != "":
			return contradicted("a 429 with a Retry-After header (%s); modelled none", ans.header.Get("Retry-After"))
		}
		return confirmed
	}},
	"Create of an existing name": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name, failed := r.userPropertyMade(ctx)
		if failed != nil {
			return *failed
		}
		ans, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"), header: idempotencyKey(),
			body: map[string]any{"property_name": name, "description": "tfprobe: a second create"}})
		if err != nil {
			return noAnswer(err)
		}
		if ans.status != http.StatusCreated && ans.status < 300 {
			return contradicted("%d to a create of a user property already in the plan; modelled 201", ans.status)
		}
		if o, ok := r.expect(ans, http.StatusCreated, ""); !ok {
			return o
		}
		var p plannedProperty
		if err := ans.data(&p); err != nil {
			return contradicted("%v", err)
		}
		if deref(p.Description) != userPropertyDescription {
			return contradicted("a create of a user property already in the plan changed its description to %q; modelled: unchanged", deref(p.Description))
		}
		event, failed := r.eventMade(ctx)
		if failed != nil {
			return *failed
		}
		ans, err = r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("events"), header: idempotencyKey(),
			body: map[string]any{"event_type": event}})
		if err != nil {
			return noAnswer(err)
		}
		r.madeIfCreated(ans, "events", event)
		o, _ := r.expect(ans, http.StatusConflict, "already_exists")
		return o
	}},
	"Idempotency-Key replay": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name, failed := r.userPropertyMade(ctx)
		if failed != nil {
			return *failed
		}
		key := idempotencyKey()
		body := map[string]any{"property_name": name}
		first, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"), header: key, body: body})
		if err != nil {
			return noAnswer(err)
		}
		again, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"), header: key, body: body})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(again, first.status, ""); !ok {
			return o
		}
		if got := again.header.Get("Idempotent-Replayed"); got != "true" {
			return contradicted("%d with Idempotent-Replayed %q to a repeated write; modelled true", again.status, got)
		}
		return confirmed
	}},
	"Idempotency-Key reuse": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name, failed := r.userPropertyMade(ctx)
		if failed != nil {
			return *failed
		}
		key := idempotencyKey()
		if _, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"), header: key,
			body: map[string]any{"property_name": name}}); err != nil {
			return noAnswer(err)
		}
		return r.askRefusal(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"), header: key,
			body: map[string]any{"property_name": name, "description": "tfprobe: another body"}},
			http.StatusUnprocessableEntity, "idempotency_key_reused")
	}},
	"Idempotency-Key in use": {ask: func(context.Context, *run) outcome {
		return notTestable("no way to ask without racing two writes, which timing would decide: the 409 needs a write with the same key still being handled")
	}},
	"Idempotency-Key format": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name := r.prefix + "short-key"
		return r.askRefusal(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"),
			header: http.Header{"Idempotency-Key": {"tfprobe"}}, body: map[string]any{"property_name": name}},
			http.StatusBadRequest, "validation_error", "user-properties", name)
	}},
	"400 on reads": {scopes: readDestinations, ask: func(ctx context.Context, r *run) outcome {
		return r.askRefusal(ctx, request{method: http.MethodGet, path: "/v1/destination-types", query: url.Values{"limit": {"0"}}},
			http.StatusBadRequest, "validation_error")
	}},
	"Unknown project": {scopes: []string{"taxonomy:read"}, ask: func(ctx context.Context, r *run) outcome {
		return r.askRefusal(ctx, request{method: http.MethodGet, path: "/v1/projects/0/events"}, http.StatusNotFound, "not_found")
	}},
	"Default user properties": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		// A dry run: were the guess wrong, nothing is deleted.
		return r.askRefusal(ctx, request{method: http.MethodDelete, path: r.projectPath("user-properties", "country"),
			query: dryRun, header: idempotencyKey()}, http.StatusUnprocessableEntity, "read_only_property")
	}},
	"Body size limit": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		body := r.streamBody("large")
		body["config"].(map[string]any)["user_alias_label"] = strings.Repeat("x", 1<<20)
		return r.askRefusal(ctx, request{method: http.MethodPost, path: r.projectPath("destinations"), query: dryRun, body: body},
			http.StatusRequestEntityTooLarge, "payload_too_large")
	}},
	"Display name rule": {scopes: writeDestinations, ask: func(ctx context.Context, r *run) outcome {
		body := r.streamBody(strings.Repeat("x", 256))
		return r.askRefusal(ctx, request{method: http.MethodPost, path: r.projectPath("destinations"), query: dryRun, body: body},
			http.StatusBadRequest, "validation_error")
	}},
	"Event type rule": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name := " " + r.prefix + "padded-event "
		return r.askRefusal(ctx, request{method: http.MethodPost, path: r.projectPath("events"), header: idempotencyKey(),
			body: map[string]any{"event_type": name}}, http.StatusBadRequest, "validation_error", "events", name)
	}},
	"Plan text rule": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		event, failed := r.eventMade(ctx)
		if failed != nil {
			return *failed
		}
		return r.askRefusal(ctx, request{method: http.MethodPatch, path: r.projectPath("events", event), header: idempotencyKey(),
			body: map[string]any{"description": " padded "}}, http.StatusBadRequest, "validation_error")
	}},
	"Property name rule": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name := " " + r.prefix + "padded-property "
		return r.askRefusal(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"), header: idempotencyKey(),
			body: map[string]any{"property_name": name}}, http.StatusBadRequest, "validation_error", "user-properties", name)
	}},
	"Enum values rule": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name := r.prefix + "enum"
		return r.askRefusal(ctx, request{method: http.MethodPost, path: r.projectPath("user-properties"), header: idempotencyKey(),
			body: map[string]any{"property_name": name, "data_type": "enum", "enum_values": []string{" padded "}}},
			http.StatusBadRequest, "validation_error", "user-properties", name)
	}},
	"Classifications": {scopes: writePlan, ask: func(ctx context.Context, r *run) outcome {
		name, failed := r.userPropertyMade(ctx)
		if failed != nil {
			return *failed
		}
		ans, err := r.ask(ctx, request{method: http.MethodPatch, path: r.projectPath("user-properties", name), header: idempotencyKey(),
			body: map[string]any{"classifications": []string{"PII", "SENSITIVE", "INTERNAL", "REVENUE"}}})
		if err != nil {
			return noAnswer(err)
		}
		if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
			return o
		}
		var p plannedProperty
		if err := ans.data(&p); err != nil {
			return contradicted("%v", err)
		}
		if got := sorted(p.Classifications); !slices.Equal(got, []string{"INTERNAL", "PII", "REVENUE", "SENSITIVE"}) {
			return contradicted("classifications %v after setting PII, SENSITIVE, INTERNAL, REVENUE", got)
		}
		return confirmed
	}},
}

var dryRun = url.Values{"dry_run": {"true"}}

// destinationType is the part of GET /v1/destination-types/{partner} the
// questions read.
type destinationType struct {
	Types      []string `json:"types"`
	Parameters []struct {
		ID string `json:"id"`
	} `json:"parameters"`
}

// destination is the part of a destination the questions read.
type destination struct {
	ID               string                     `json:"id"`
	DisplayName      string                     `json:"display_name"`
	Version          int64                      `json:"version"`
	Config           map[string]json.RawMessage `json:"config"`
	CredentialStatus string                     `json:"credential_status"`
	EventFilter      json.RawMessage            `json:"event_filter"`
	PropertyMappings json.RawMessage            `json:"property_mappings"`
}

// plannedProperty is the part of a user property the questions read.
type plannedProperty struct {
	Description     *string  `json:"description"`
	Classifications []string `json:"classifications"`
}

// brazeType reads the Braze partner once per question that needs it.
func (r *run) brazeType(ctx context.Context) (destinationType, *outcome) {
	var t destinationType
	ans, err := r.ask(ctx, request{method: http.MethodGet, path: "/v1/destination-types/braze"})
	if err != nil {
		o := noAnswer(err)
		return t, &o
	}
	if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
		return t, &o
	}
	if err := ans.data(&t); err != nil {
		o := contradicted("%v", err)
		return t, &o
	}
	return t, nil
}

// streamBody is a create of a Braze event stream named with the run's
// prefix and suffix, with an event filter and property mappings in the
// modelled shapes, the modelled parameter ids and the run's Braze
// credentials.
func (r *run) streamBody(suffix string) map[string]any {
	return map[string]any{
		"partner": "braze", "display_name": r.prefix + suffix, "kind": []string{"event"}, "enabled": false,
		"config": map[string]any{
			"api_endpoint": r.cfg.BrazeRESTEndpoint, "api_key": r.cfg.BrazeAPIKey, "app_id": r.cfg.BrazeAppID,
			"user_id_mapping": map[string]any{"amplitude_property": "user_id", "braze_identifier": "external_id"},
		},
		"event_filter": map[string]any{
			"events": []string{r.prefix + "event"},
			"property_filters": map[string]any{"conditions": []any{
				map[string]any{"property": "country", "operator": "is", "values": []string{"US"}},
			}},
		},
		"property_mappings": map[string]any{
			"event_properties": []string{r.prefix + "event-property"}, "user_properties": []string{r.prefix + "user-property"},
			"identify_user_properties": []string{r.prefix + "user-property"},
		},
	}
}

// readStream makes the run's Braze event stream (disabled: it sends
// nothing) on first use and reads it as it is now.
func (r *run) readStream(ctx context.Context) (destination, *outcome) {
	made, failed := r.stream.get(func() (destination, *outcome) {
		ans, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath("destinations"), body: r.streamBody("stream")})
		if err != nil {
			o := noAnswer(err)
			return destination{}, &o
		}
		var d destination
		if ans.status < 300 {
			if err := ans.data(&d); err == nil && d.ID != "" {
				r.madeDestination(d.ID, r.prefix+"stream")
			}
		}
		if o, ok := r.expect(ans, http.StatusCreated, ""); !ok {
			o = notTestable("the probe's Braze destination could not be made: %s", o.detail)
			return d, &o
		}
		return d, nil
	})
	if failed != nil {
		return made, failed
	}
	ans, err := r.ask(ctx, request{method: http.MethodGet, path: r.projectPath("destinations", made.ID)})
	if err != nil {
		o := noAnswer(err)
		return made, &o
	}
	if o, ok := r.expect(ans, http.StatusOK, ""); !ok {
		return made, &o
	}
	var now destination
	if err := ans.data(&now); err != nil {
		o := contradicted("%v", err)
		return made, &o
	}
	return now, nil
}

const userPropertyDescription = "tfprobe: made by make probe"

// userPropertyMade makes the run's user property on first use.
func (r *run) userPropertyMade(ctx context.Context) (string, *outcome) {
	name := r.prefix + "user-property"
	return r.userProperty.get(func() (string, *outcome) {
		return name, r.create(ctx, "user-properties", name,
			map[string]any{"property_name": name, "description": userPropertyDescription})
	})
}

// eventMade makes the run's event on first use.
func (r *run) eventMade(ctx context.Context) (string, *outcome) {
	name := r.prefix + "event"
	return r.event.get(func() (string, *outcome) {
		return name, r.create(ctx, "events", name, map[string]any{"event_type": name})
	})
}

// create makes a tracking-plan object the questions share, 201.
func (r *run) create(ctx context.Context, kind, name string, body map[string]any) *outcome {
	ans, err := r.ask(ctx, request{method: http.MethodPost, path: r.projectPath(kind), header: idempotencyKey(), body: body})
	if err != nil {
		o := noAnswer(err)
		return &o
	}
	r.madeIfCreated(ans, kind, name)
	if o, ok := r.expect(ans, http.StatusCreated, ""); !ok {
		o = notTestable("the probe's %s %s could not be made: %s", kind, name, o.detail)
		return &o
	}
	return nil
}

// askRefusal asks req and judges the answer by the refusal the guess gives
// it. made is the path below the project of what the request makes if the
// guess is wrong, to remove it then.
func (r *run) askRefusal(ctx context.Context, req request, status int, code string, made ...string) outcome {
	ans, err := r.ask(ctx, req)
	if err != nil {
		return noAnswer(err)
	}
	if len(made) > 0 {
		r.madeIfCreated(ans, made...)
	}
	o, _ := r.expect(ans, status, code)
	return o
}

// madeIfCreated records the object parts names for removal when a write
// made it: a guess that a write is refused may be wrong. The object goes by
// the id the answer gives, in case the vendor made it under another name
// (trimmed, say).
func (r *run) madeIfCreated(ans answer, parts ...string) {
	if ans.status < 200 || ans.status >= 300 {
		return
	}
	var made struct {
		ID string `json:"id"`
	}
	if ans.data(&made) == nil && made.ID != "" {
		parts = append(slices.Clone(parts[:len(parts)-1]), made.ID)
	}
	if !slices.ContainsFunc(r.made, func(m madeObject) bool { return m.remove.path == r.projectPath(parts...) }) {
		r.madePlanObject(parts...)
	}
}

// sameJSON compares what was sent with what came back, as JSON.
func sameJSON(sent, got any) outcome {
	a, _ := json.Marshal(sent) // Maps of JSON values always marshal.
	b, _ := json.Marshal(got)
	var x, y any
	_ = json.Unmarshal(a, &x)
	_ = json.Unmarshal(b, &y)
	if fmt.Sprint(x) != fmt.Sprint(y) {
		return contradicted("%s for %s", b, a)
	}
	return confirmed
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
