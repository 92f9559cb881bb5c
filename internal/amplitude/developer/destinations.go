package developer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Destination kinds. A destination's kind is any mix of event and identify
// (event streaming), or cohort alone, or warehouse_export alone.
const (
	KindEvent           = "event"
	KindIdentify        = "identify"
	KindCohort          = "cohort"
	KindWarehouseExport = "warehouse_export"
)

// Credential statuses; anything but connected means the partner refused the
// stored credential, and a secret must be sent again.
const CredentialConnected = "connected"

// Destination is a destination as Amplitude answers it. Config holds the
// partner's parameters by id, as JSON; secret parameters are never in it.
type Destination struct {
	ID               string                     `json:"id"`
	ProjectID        string                     `json:"project_id"`
	Partner          string                     `json:"partner"`
	DisplayName      string                     `json:"display_name"`
	Kind             []string                   `json:"kind"`
	Config           map[string]json.RawMessage `json:"config"`
	CredentialStatus string                     `json:"credential_status"`
	Version          int64                      `json:"version"`
	Enabled          *bool                      `json:"enabled"`
	Paused           *bool                      `json:"paused"`
	EventFilter      *EventFilter               `json:"event_filter"`
	// PropertyMappings is a JSON object, or empty when there is none.
	PropertyMappings json.RawMessage `json:"property_mappings"`
	SendEvents       *bool           `json:"send_events"`
	SendUsers        *bool           `json:"send_users"`
	CreatedAt        string          `json:"created_at"`
	UpdatedAt        string          `json:"updated_at"`
	CreatedBy        *string         `json:"created_by"`
	UpdatedBy        *string         `json:"updated_by"`
}

// EventFilter selects the events an event-streaming destination forwards.
// PropertyFilters is a JSON object, or empty when there is none.
type EventFilter struct {
	Events          []string        `json:"events"`
	PropertyFilters json.RawMessage `json:"property_filters,omitempty"`
}

// IsEventStreaming reports whether kinds are of the event-streaming family,
// the one whose destinations have enabled, event_filter, property_mappings,
// send_events and send_users.
func IsEventStreaming(kinds []string) bool {
	return slices.Contains(kinds, KindEvent) || slices.Contains(kinds, KindIdentify)
}

// DestinationSpec is what a create or an update sets. Every field is sent:
// an update is always the whole destination, so it is right whether
// Amplitude merges or replaces what it holds.
type DestinationSpec struct {
	DisplayName string
	// Kind is left out of a create when empty, for Amplitude to infer.
	Kind []string
	// Config is the partner's parameters, secrets included. On an update, a
	// JSON null removes a parameter Amplitude holds.
	Config  map[string]json.RawMessage
	Enabled *bool
	// EventFilter nil forwards every event.
	EventFilter *EventFilter
	// PropertyMappings empty means none.
	PropertyMappings json.RawMessage
	SendEvents       *bool
	SendUsers        *bool
}

// body is the JSON body of a create (partner set) or an update.
func (s DestinationSpec) body(partner string) map[string]any {
	creating := partner != ""
	b := map[string]any{"display_name": s.DisplayName}
	if creating {
		b["partner"] = partner
	}
	if len(s.Kind) > 0 {
		b["kind"] = s.Kind
	}
	config := map[string]json.RawMessage{}
	for k, v := range s.Config {
		if creating && isJSONNull(v) {
			continue
		}
		config[k] = v
	}
	b["config"] = config
	// Event-streaming fields are meaningless to other kinds, which refuse
	// them; with the kind left to Amplitude, only what was set is sent.
	streaming := IsEventStreaming(s.Kind)
	if !streaming && len(s.Kind) > 0 {
		return b
	}
	setIf := func(name string, v *bool) {
		if v != nil {
			b[name] = *v
		}
	}
	setIf("enabled", s.Enabled)
	setIf("send_events", s.SendEvents)
	setIf("send_users", s.SendUsers)
	switch {
	case s.EventFilter != nil:
		b["event_filter"] = s.EventFilter
	case !creating && streaming:
		b["event_filter"] = nil // clears it
	}
	switch {
	case len(s.PropertyMappings) > 0 && !isJSONNull(s.PropertyMappings):
		b["property_mappings"] = s.PropertyMappings
	case !creating && streaming:
		b["property_mappings"] = nil
	}
	return b
}

// heldBy reports whether d holds what s sets, as far as Amplitude shows it:
// secrets are never returned, so they cannot be compared. It tells whether a
// write whose answer was lost took effect.
func (s DestinationSpec) heldBy(d *Destination) bool {
	if d.DisplayName != s.DisplayName {
		return false
	}
	if len(s.Kind) > 0 && !sameSet(s.Kind, d.Kind) {
		return false
	}
	for k, v := range s.Config {
		held, ok := d.Config[k]
		switch {
		case isJSONNull(v):
			if ok {
				return false
			}
		case ok && !jsonEqual(v, held):
			return false
		}
	}
	if !IsEventStreaming(d.Kind) {
		return true
	}
	boolHeld := func(want, held *bool) bool { return want == nil || (held != nil && *want == *held) }
	if !boolHeld(s.Enabled, d.Enabled) || !boolHeld(s.SendEvents, d.SendEvents) || !boolHeld(s.SendUsers, d.SendUsers) {
		return false
	}
	if (s.EventFilter == nil) != (d.EventFilter == nil) {
		return false
	}
	if s.EventFilter != nil && (!slices.Equal(s.EventFilter.Events, d.EventFilter.Events) ||
		!sameFreeForm(s.EventFilter.PropertyFilters, d.EventFilter.PropertyFilters)) {
		return false
	}
	return sameFreeForm(s.PropertyMappings, d.PropertyMappings)
}

// sameFreeForm compares two of the objects whose shape Amplitude leaves open
// (property filters and mappings) without relying on how Amplitude writes
// emptiness: an empty list, an empty object, null and a missing member all
// mean nothing is set.
func sameFreeForm(a, b json.RawMessage) bool {
	var va, vb any
	if json.Unmarshal(orNull(a), &va) != nil || json.Unmarshal(orNull(b), &vb) != nil {
		return false
	}
	return reflect.DeepEqual(withoutEmpty(va), withoutEmpty(vb))
}

// withoutEmpty drops the empty members of objects, recursively; what is
// left empty becomes nil.
func withoutEmpty(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, member := range x {
			if m := withoutEmpty(member); m != nil {
				out[k] = m
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(x) == 0 {
			return nil
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = withoutEmpty(e)
		}
		return out
	}
	return v
}

// DestinationFilter narrows a listing; zero fields do not filter.
type DestinationFilter struct {
	// Query is Amplitude's full-text search of display names.
	Query   string
	Partner string
	Kind    string
	Enabled *bool
}

func (f DestinationFilter) values() url.Values {
	v := url.Values{}
	if f.Query != "" {
		v.Set("q", f.Query)
	}
	if f.Partner != "" {
		v.Set("partner", f.Partner)
	}
	if f.Kind != "" {
		v.Set("kind", f.Kind)
	}
	if f.Enabled != nil {
		v.Set("enabled", strconv.FormatBool(*f.Enabled))
	}
	return v
}

// ListDestinations reads every destination of the project that f selects.
func (c *Client) ListDestinations(ctx context.Context, f DestinationFilter) ([]Destination, error) {
	all, err := listAll[Destination](ctx, c, c.projectPath("destinations"), f.values())
	return all, c.scopeError(ctx, err, ScopeDestinationsRead)
}

// DestinationPages reads the destinations of the project that f selects a
// page at a time (up to 200 a page), straight from Amplitude: a listing
// must show what Amplitude holds now, whatever this client read before.
func (c *Client) DestinationPages(ctx context.Context, f DestinationFilter) iter.Seq2[[]Destination, error] {
	return func(yield func([]Destination, error) bool) {
		for items, err := range pages[Destination](ctx, c, c.projectPath("destinations"), f.values()) {
			if !yield(items, c.scopeError(ctx, err, ScopeDestinationsRead)) || err != nil {
				return
			}
		}
	}
}

func (c *Client) listAllDestinations(ctx context.Context) ([]Destination, error) {
	return c.ListDestinations(ctx, DestinationFilter{})
}

// GetDestination reads one destination; IsNotFound tells a missing one.
func (c *Client) GetDestination(ctx context.Context, id string) (*Destination, error) {
	if d, ok := c.destinations.Lookup(ctx, id); ok {
		return &d, nil
	}
	return c.fetchDestination(ctx, id)
}

// fetchDestination reads id from the API, never from a listing.
func (c *Client) fetchDestination(ctx context.Context, id string) (*Destination, error) {
	var out envelope[Destination]
	if err := c.do(ctx, call{method: http.MethodGet, path: c.projectPath("destinations", id)}, &out); err != nil {
		return nil, c.scopeError(ctx, err, ScopeDestinationsRead)
	}
	return &out.Data, nil
}

// createdSkew allows for the Date header's one-second resolution when a
// lost create is looked for among destinations created since it started.
const createdSkew = 2 * time.Second

// CreateDestination creates a destination of partner. Creates take no
// idempotency key and names are not unique, so when the answer is lost the
// client looks for what that create made (the same name and settings, made
// by this token's principal since the create started, not already claimed by
// this client) before it sends the create again.
func (c *Client) CreateDestination(ctx context.Context, partner string, spec DestinationSpec) (*Destination, error) {
	if err := c.RequireScope(ctx, ScopeDestinationsWrite); err != nil {
		return nil, err
	}
	defer c.destinations.Forget()
	// Creates of one name take turns: a lost create looking for what it
	// made must not take a twin whose answer is still on its way.
	unlock := c.lockName(partner, spec.DisplayName)
	defer unlock()
	principal := c.principal(ctx)
	started := c.clock.now()
	// A refusal for want of a scope names the scope of the request refused:
	// the create writes, the search for a lost create's destination reads.
	return transport.CreateOnce(ctx, c.writeAttempts,
		func(ctx context.Context) (*Destination, error) {
			var out envelope[Destination]
			err := c.do(ctx, call{method: http.MethodPost, path: c.projectPath("destinations"), body: spec.body(partner)}, &out)
			if err != nil {
				return nil, c.scopeError(ctx, err, ScopeDestinationsWrite)
			}
			c.claim(out.Data.ID)
			return &out.Data, nil
		},
		func(ctx context.Context) (*Destination, bool, error) {
			found, ok, err := c.findCreated(ctx, partner, spec, started.Add(-createdSkew), principal)
			return found, ok, c.scopeError(ctx, err, ScopeDestinationsRead)
		})
}

func (c *Client) principal(ctx context.Context) string {
	if tc, err := c.Context(ctx); err == nil && tc != nil {
		return tc.Principal.LoginID
	}
	return ""
}

// findCreated looks for the destination a create of spec made since.
func (c *Client) findCreated(ctx context.Context, partner string, spec DestinationSpec, since time.Time, principal string) (*Destination, bool, error) {
	candidates, err := listAll[Destination](ctx, c, c.projectPath("destinations"), DestinationFilter{Query: spec.DisplayName, Partner: partner}.values())
	if err != nil {
		return nil, false, err
	}
	c.claimedMu.Lock()
	defer c.claimedMu.Unlock()
	var found *Destination
	for i := range candidates {
		d := &candidates[i]
		createdAt, err := time.Parse(time.RFC3339, d.CreatedAt)
		switch {
		case err != nil || createdAt.Before(since):
		case principal != "" && d.CreatedBy != nil && *d.CreatedBy != principal:
		case d.Partner != partner || c.claimed[d.ID] || !spec.heldBy(d):
		case found == nil || d.CreatedAt < found.CreatedAt:
			found = d
		}
	}
	if found == nil {
		return nil, false, nil
	}
	c.claimed[found.ID] = true
	return found, true, nil
}

func (c *Client) lockName(partner, name string) (unlock func()) {
	mu, _ := c.createLocks.LoadOrStore(partner+"\x00"+name, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	return mu.(*sync.Mutex).Unlock
}

func (c *Client) claim(id string) {
	c.claimedMu.Lock()
	defer c.claimedMu.Unlock()
	c.claimed[id] = true
}

// UpdateDestination sets the destination id to spec, provided Amplitude
// still holds version: a destination changed since is never overwritten
// (a *VersionConflict). When an answer is lost, the client reads the
// destination back: the update took effect if the version moved on and
// every value matches spec; it sends the update again if the version did not
// move.
func (c *Client) UpdateDestination(ctx context.Context, id string, version int64, spec DestinationSpec) (*Destination, error) {
	if err := c.RequireScope(ctx, ScopeDestinationsWrite); err != nil {
		return nil, err
	}
	defer c.destinations.Forget()
	var lost error
	for attempt := range c.writeAttempts + 1 {
		if attempt > 0 {
			current, err := c.fetchDestination(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("%w; reading the destination back to learn whether the update took effect: %w", lost, err)
			}
			if current.Version != version {
				if spec.heldBy(current) {
					return current, nil
				}
				return nil, &VersionConflict{ID: id, ExpectedVersion: version, CurrentVersion: current.Version, Cause: lost}
			}
			if attempt == c.writeAttempts {
				break
			}
			if err := transport.Sleep(ctx, transport.Backoff(200*time.Millisecond, 5*time.Second, attempt, nil)); err != nil {
				return nil, err
			}
		}
		updated, err := c.patch(ctx, id, version, spec)
		switch {
		case err == nil:
			return updated, nil
		case IsVersionMismatch(err):
			return nil, c.versionConflict(ctx, id, version, err)
		case !transport.OutcomeUnknown(err):
			return nil, c.scopeError(ctx, err, ScopeDestinationsWrite)
		}
		lost = err
	}
	return nil, lost
}

// versionConflict describes a 412 with the version Amplitude holds now, so
// the user sees how far the destination moved on.
func (c *Client) versionConflict(ctx context.Context, id string, expected int64, cause error) *VersionConflict {
	conflict := &VersionConflict{ID: id, ExpectedVersion: expected, Cause: cause}
	if current, err := c.fetchDestination(ctx, id); err == nil {
		conflict.CurrentVersion = current.Version
	}
	return conflict
}

func (c *Client) patch(ctx context.Context, id string, version int64, spec DestinationSpec) (*Destination, error) {
	var out envelope[Destination]
	err := c.do(ctx, call{
		method: http.MethodPatch,
		path:   c.projectPath("destinations", id),
		header: http.Header{"If-Match": {strconv.FormatInt(version, 10)}},
		body:   spec.body(""),
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// Plan is Amplitude's verdict on a dry run: what the write would do.
type Plan struct {
	Action   string               `json:"action"`
	Diff     map[string]DiffEntry `json:"diff"`
	Warnings []string             `json:"warnings"`
}

// DiffEntry is one field a write would change.
type DiffEntry struct {
	From json.RawMessage `json:"from"`
	To   json.RawMessage `json:"to"`
}

type dryRunAnswer struct {
	Data Destination `json:"data"`
	Plan Plan        `json:"plan"`
}

var dryRunQuery = url.Values{"dry_run": {"true"}}

// DryRunCreate asks Amplitude to validate a create of spec without making it.
func (c *Client) DryRunCreate(ctx context.Context, partner string, spec DestinationSpec) (*Destination, *Plan, error) {
	if err := c.RequireScope(ctx, ScopeDestinationsWrite); err != nil {
		return nil, nil, err
	}
	var out dryRunAnswer
	err := c.do(ctx, call{method: http.MethodPost, path: c.projectPath("destinations"), query: dryRunQuery, body: spec.body(partner), safeToRepeat: true}, &out)
	if err != nil {
		return nil, nil, c.scopeError(ctx, err, ScopeDestinationsWrite)
	}
	return &out.Data, c.redactPlan(&out.Plan), nil
}

// redactPlan hides the client's secrets in the texts of a plan, which the
// provider shows to the user: a server may echo what it was sent.
func (c *Client) redactPlan(p *Plan) *Plan {
	for i, w := range p.Warnings {
		p.Warnings[i] = c.http.Redact(w)
	}
	return p
}

// DryRunUpdate asks Amplitude to validate an update of id without making it.
func (c *Client) DryRunUpdate(ctx context.Context, id string, version int64, spec DestinationSpec) (*Destination, *Plan, error) {
	if err := c.RequireScope(ctx, ScopeDestinationsWrite); err != nil {
		return nil, nil, err
	}
	var out dryRunAnswer
	err := c.do(ctx, call{
		method: http.MethodPatch, path: c.projectPath("destinations", id), query: dryRunQuery,
		header: http.Header{"If-Match": {strconv.FormatInt(version, 10)}},
		body:   spec.body(""), safeToRepeat: true,
	}, &out)
	if err != nil {
		if IsVersionMismatch(err) {
			return nil, nil, c.versionConflict(ctx, id, version, err)
		}
		return nil, nil, c.scopeError(ctx, err, ScopeDestinationsWrite)
	}
	return &out.Data, c.redactPlan(&out.Plan), nil
}

// TestResult is Amplitude's test of an event-streaming destination's
// connection to its partner.
type TestResult struct {
	OK             bool            `json:"ok"`
	Detail         *string         `json:"detail"`
	ExamplePayload json.RawMessage `json:"example_payload"`
}

// TestDestination asks Amplitude to try the destination's connection.
func (c *Client) TestDestination(ctx context.Context, id string) (*TestResult, error) {
	if err := c.RequireScope(ctx, ScopeDestinationsWrite); err != nil {
		return nil, err
	}
	var out envelope[TestResult]
	err := c.do(ctx, call{method: http.MethodPost, path: c.projectPath("destinations", id, "test"), safeToRepeat: true}, &out)
	if err != nil {
		return nil, c.scopeError(ctx, err, ScopeDestinationsWrite)
	}
	if out.Data.Detail != nil {
		detail := c.http.Redact(*out.Data.Detail)
		out.Data.Detail = &detail
	}
	return &out.Data, nil
}

func isJSONNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

func orNull(raw json.RawMessage) json.RawMessage {
	if len(bytes.TrimSpace(raw)) == 0 {
		return json.RawMessage("null")
	}
	return raw
}

// jsonEqual compares two JSON texts by value: key order and number spelling
// do not matter.
func jsonEqual(a, b json.RawMessage) bool {
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// JSONEqual is jsonEqual for callers outside the package.
func JSONEqual(a, b json.RawMessage) bool { return jsonEqual(orNull(a), orNull(b)) }

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

// DisableDestination stops an event-streaming destination, which is all the
// Developer API offers in place of a delete. It sends enabled alone, against
// the version it has just read, so it changes nothing else whatever the
// destination holds now; a destination already disabled is left alone.
func (c *Client) DisableDestination(ctx context.Context, id string) (*Destination, error) {
	if err := c.RequireScope(ctx, ScopeDestinationsWrite); err != nil {
		return nil, err
	}
	defer c.destinations.Forget()
	var lastErr error
	for range c.writeAttempts {
		current, err := c.fetchDestination(ctx, id)
		if err != nil {
			return nil, err
		}
		if current.Enabled != nil && !*current.Enabled {
			return current, nil
		}
		var out envelope[Destination]
		err = c.do(ctx, call{
			method: http.MethodPatch,
			path:   c.projectPath("destinations", id),
			header: http.Header{"If-Match": {strconv.FormatInt(current.Version, 10)}},
			body:   map[string]any{"enabled": false},
		}, &out)
		if err == nil {
			return &out.Data, nil
		}
		// Changed meanwhile, or the answer was lost: read it again.
		if !IsVersionMismatch(err) && !transport.OutcomeUnknown(err) {
			return nil, c.scopeError(ctx, err, ScopeDestinationsWrite)
		}
		lastErr = err
	}
	return nil, lastErr
}
