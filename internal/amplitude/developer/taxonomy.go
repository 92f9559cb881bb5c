package developer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"sync"
)

// The tracking plan on the Developer API: events, their properties, and user
// properties. Unlike destinations, every write takes an Idempotency-Key that
// makes a repeat of it safe: Amplitude answers a repeated key with the first
// answer instead of acting twice. So a write here is sent with one key for
// all its retries, and a lost answer needs no search for what it did.

// Event is an event type of the project's tracking plan.
type Event struct {
	ID          string  `json:"id"`
	EventType   string  `json:"event_type"`
	DisplayName string  `json:"display_name"`
	Description *string `json:"description"`
	IsActive    bool    `json:"is_active"`
}

// EventSpec is what a create or an update of an event sets. Every field is
// sent: a nil description clears the one Amplitude holds.
type EventSpec struct {
	Description *string
	IsActive    bool
}

// Property is an event property or a user property of the tracking plan.
// EventType is set for event properties; DisplayName and IsOfficial only
// exist on user properties.
type Property struct {
	ID              string   `json:"id"`
	EventType       string   `json:"event_type,omitempty"`
	PropertyName    string   `json:"property_name"`
	DisplayName     *string  `json:"display_name"`
	Description     *string  `json:"description"`
	IsOfficial      *bool    `json:"is_official"`
	IsHidden        bool     `json:"is_hidden"`
	IsInSchema      bool     `json:"is_in_schema"`
	DataType        *string  `json:"data_type"`
	IsArrayType     bool     `json:"is_array_type"`
	EnumValues      []string `json:"enum_values"`
	Regex           *string  `json:"regex"`
	Classifications []string `json:"classifications"`
}

// PropertySpec is what a create or an update of a property sets. Every
// field is sent, and a nil field clears the value Amplitude holds.
type PropertySpec struct {
	DisplayName     *string
	Description     *string
	DataType        *string
	IsArrayType     bool
	EnumValues      []string
	Regex           *string
	IsHidden        bool
	Classifications []string
}

// Property data types and classifications Amplitude takes.
var (
	PropertyDataTypes       = []string{"string", "number", "boolean", "object", "enum", "any"}
	PropertyClassifications = []string{"PII", "SENSITIVE", "INTERNAL", "REVENUE"}
)

// Error codes of the tracking plan's refusals.
const (
	codeNotInSchema      = "not_in_schema"
	codeReadOnlyProperty = "read_only_property"
	codeAlreadyExists    = "already_exists"
)

// IsNotInSchema reports whether err is Amplitude's refusal to change a
// property that has data but is not in the tracking plan.
func IsNotInSchema(err error) bool { return hasCode(err, codeNotInSchema) }

// IsReadOnlyProperty reports whether err is Amplitude's refusal to change
// one of its own default properties.
func IsReadOnlyProperty(err error) bool { return hasCode(err, codeReadOnlyProperty) }

// IsAlreadyExists reports whether err is Amplitude's refusal to create an
// event that the tracking plan already holds.
func IsAlreadyExists(err error) bool {
	var p *Problem
	return errors.As(err, &p) && p.Status == http.StatusConflict && (p.ErrorCode == "" || p.ErrorCode == codeAlreadyExists)
}

func hasCode(err error, code string) bool {
	var p *Problem
	return errors.As(err, &p) && p.ErrorCode == code
}

// newIdempotencyKey returns a fresh key for one logical write. Every retry
// of that write sends the same key, so Amplitude acts on it only once.
func newIdempotencyKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand never fails on the platforms Go supports
	return "terraform-" + hex.EncodeToString(b)
}

// write sends one logical taxonomy write under a fresh Idempotency-Key; the
// transport retries it with that key after a lost answer or a server error,
// which the key makes safe.
func (c *Client) write(ctx context.Context, method, path string, body, out any) error {
	err := c.do(ctx, call{
		method: method, path: path, body: body,
		header: http.Header{"Idempotency-Key": {newIdempotencyKey()}},
	}, out)
	return c.scopeError(ctx, err, ScopeTaxonomyWrite)
}

func (c *Client) read(ctx context.Context, path string, out any) error {
	return c.scopeError(ctx, c.do(ctx, call{method: http.MethodGet, path: path}, out), ScopeTaxonomyRead)
}

func (s EventSpec) body() map[string]any {
	return map[string]any{"description": s.Description, "is_active": s.IsActive}
}

// ListEvents reads every event of the tracking plan.
func (c *Client) ListEvents(ctx context.Context) ([]Event, error) {
	events, err := listAll[Event](ctx, c, c.projectPath("events"), nil)
	return events, c.scopeError(ctx, err, ScopeTaxonomyRead)
}

// GetEvent reads one event. When the event does not exist or was deleted,
// IsNotFound reports true for the error.
func (c *Client) GetEvent(ctx context.Context, eventType string) (*Event, error) {
	var out envelope[Event]
	if err := c.read(ctx, c.projectPath("events", eventType), &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// CreateEvent adds eventType to the tracking plan (or brings a deleted one
// back) and sets it to spec. The create takes only a description, so when
// spec asks for an inactive event, CreateEvent updates it after creating it.
func (c *Client) CreateEvent(ctx context.Context, eventType string, spec EventSpec) (*Event, error) {
	if err := c.RequireScope(ctx, ScopeTaxonomyWrite); err != nil {
		return nil, err
	}
	defer c.forgetTaxonomy()
	var out envelope[Event]
	if err := c.write(ctx, http.MethodPost, c.projectPath("events"),
		map[string]any{"event_type": eventType, "description": spec.Description}, &out); err != nil {
		return nil, err
	}
	if out.Data.IsActive != spec.IsActive {
		return c.UpdateEvent(ctx, eventType, spec)
	}
	return &out.Data, nil
}

// UpdateEvent sets the event to spec.
func (c *Client) UpdateEvent(ctx context.Context, eventType string, spec EventSpec) (*Event, error) {
	if err := c.RequireScope(ctx, ScopeTaxonomyWrite); err != nil {
		return nil, err
	}
	defer c.forgetTaxonomy()
	var out envelope[Event]
	if err := c.write(ctx, http.MethodPatch, c.projectPath("events", eventType), spec.body(), &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// DeleteEvent removes the event from the tracking plan. Amplitude keeps the
// event, marked deleted, and a later create brings it back. An event that is
// already gone counts as deleted, so deleting twice is not an error.
func (c *Client) DeleteEvent(ctx context.Context, eventType string) error {
	if err := c.RequireScope(ctx, ScopeTaxonomyWrite); err != nil {
		return err
	}
	defer c.forgetTaxonomy()
	err := c.write(ctx, http.MethodDelete, c.projectPath("events", eventType), nil, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

func (s PropertySpec) createBody(name string, user bool) map[string]any {
	b := s.patchBody(user)
	b["property_name"] = name
	b["data_type"], b["is_array_type"], b["enum_values"], b["regex"] = s.DataType, s.IsArrayType, orEmpty(s.EnumValues), s.Regex
	return b
}

// patchBody returns every field an update can change. The type fields of a
// user property can only be set at creation, because Amplitude refuses them
// on an update.
func (s PropertySpec) patchBody(user bool) map[string]any {
	b := map[string]any{
		"description":     s.Description,
		"is_hidden":       s.IsHidden,
		"classifications": orEmpty(s.Classifications),
	}
	if user {
		b["display_name"] = s.DisplayName
		return b
	}
	b["data_type"], b["is_array_type"], b["enum_values"], b["regex"] = s.DataType, s.IsArrayType, orEmpty(s.EnumValues), s.Regex
	return b
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ErrAlreadyInPlan is returned by a create of a property that the tracking
// plan already holds. Without it, the provider would silently take over a
// property that is managed elsewhere.
var ErrAlreadyInPlan = errors.New("it is already in the tracking plan")

// createProperty creates the property name in the collection at path,
// promotes an ingested-only one into the plan, or brings a deleted one back,
// all with body.
//
// Amplitude answers a create of a property that is in the plan already
// with the property unchanged and the same 201 as a real create (the
// create's page documents no other success), so the answer cannot tell the
// two apart. The client therefore reads the property first, and reports
// one already in the plan with ErrAlreadyInPlan without writing. Amplitude's
// own properties (is_official) are left to Amplitude to refuse.
func (c *Client) createProperty(ctx context.Context, path, name string, body map[string]any) (*Property, error) {
	if err := c.RequireScope(ctx, ScopeTaxonomyWrite); err != nil {
		return nil, err
	}
	existing, err := c.getProperty(ctx, path+"/"+url.PathEscape(name))
	switch {
	case err == nil && existing.IsInSchema && (existing.IsOfficial == nil || !*existing.IsOfficial):
		return existing, ErrAlreadyInPlan
	case err != nil && !IsNotFound(err):
		return nil, err
	}
	defer c.forgetTaxonomy()
	var out envelope[Property]
	if err := c.write(ctx, http.MethodPost, path, body, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

func (c *Client) updateProperty(ctx context.Context, path string, body map[string]any) (*Property, error) {
	if err := c.RequireScope(ctx, ScopeTaxonomyWrite); err != nil {
		return nil, err
	}
	defer c.forgetTaxonomy()
	var out envelope[Property]
	if err := c.write(ctx, http.MethodPatch, path, body, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

func (c *Client) deleteProperty(ctx context.Context, path string) error {
	if err := c.RequireScope(ctx, ScopeTaxonomyWrite); err != nil {
		return err
	}
	defer c.forgetTaxonomy()
	err := c.write(ctx, http.MethodDelete, path, nil, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

func (c *Client) getProperty(ctx context.Context, path string) (*Property, error) {
	var out envelope[Property]
	if err := c.read(ctx, path, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// CreateEventProperty adds name to eventType's properties in the plan.
func (c *Client) CreateEventProperty(ctx context.Context, eventType, name string, spec PropertySpec) (*Property, error) {
	return c.createProperty(ctx, c.projectPath("events", eventType, "event-properties"), name, spec.createBody(name, false))
}

// GetEventProperty reads one event property.
func (c *Client) GetEventProperty(ctx context.Context, eventType, name string) (*Property, error) {
	return c.getProperty(ctx, c.projectPath("events", eventType, "event-properties", name))
}

// UpdateEventProperty sets the event property to spec.
func (c *Client) UpdateEventProperty(ctx context.Context, eventType, name string, spec PropertySpec) (*Property, error) {
	return c.updateProperty(ctx, c.projectPath("events", eventType, "event-properties", name), spec.patchBody(false))
}

// DeleteEventProperty removes the event property from the plan.
func (c *Client) DeleteEventProperty(ctx context.Context, eventType, name string) error {
	return c.deleteProperty(ctx, c.projectPath("events", eventType, "event-properties", name))
}

// ListEventProperties reads every property of eventType, including those
// that were only ingested and are not in the plan.
func (c *Client) ListEventProperties(ctx context.Context, eventType string) ([]Property, error) {
	props, err := listAll[Property](ctx, c, c.projectPath("events", eventType, "event-properties"), nil)
	return props, c.scopeError(ctx, err, ScopeTaxonomyRead)
}

// CreateUserProperty adds name to the plan's user properties.
func (c *Client) CreateUserProperty(ctx context.Context, name string, spec PropertySpec) (*Property, error) {
	return c.createProperty(ctx, c.projectPath("user-properties"), name, spec.createBody(name, true))
}

// GetUserProperty reads one user property.
func (c *Client) GetUserProperty(ctx context.Context, name string) (*Property, error) {
	return c.getProperty(ctx, c.projectPath("user-properties", name))
}

// UpdateUserProperty sets what an update can change of the user property:
// its display name, description, visibility and classifications.
func (c *Client) UpdateUserProperty(ctx context.Context, name string, spec PropertySpec) (*Property, error) {
	return c.updateProperty(ctx, c.projectPath("user-properties", name), spec.patchBody(true))
}

// DeleteUserProperty removes the user property from the plan.
func (c *Client) DeleteUserProperty(ctx context.Context, name string) error {
	return c.deleteProperty(ctx, c.projectPath("user-properties", name))
}

// ListUserProperties reads every user property, including those that were
// only ingested and are not in the plan.
func (c *Client) ListUserProperties(ctx context.Context) ([]Property, error) {
	props, err := listAll[Property](ctx, c, c.projectPath("user-properties"), nil)
	return props, c.scopeError(ctx, err, ScopeTaxonomyRead)
}

// Taxonomy is the tracking plan as read during one Terraform command. It is
// used to check the events and properties that destinations name, and holds
// every event, every user property, and the properties of the events asked
// about.
type Taxonomy struct {
	client *Client

	mu             sync.Mutex
	events         map[string]bool
	userProperties map[string]bool
	eventProps     map[string]map[string]bool
}

// Taxonomy returns the client's view of the tracking plan. Each listing in
// it is read on first use and then shared by every destination checked in
// the same plan, until a write through the client drops the view.
func (c *Client) Taxonomy() *Taxonomy {
	c.taxonomyMu.Lock()
	defer c.taxonomyMu.Unlock()
	if c.taxonomy == nil {
		c.taxonomy = &Taxonomy{client: c}
	}
	return c.taxonomy
}

func (c *Client) forgetTaxonomy() {
	c.taxonomyMu.Lock()
	defer c.taxonomyMu.Unlock()
	c.taxonomy = nil
}

// HasEvent reports whether the plan holds eventType.
func (t *Taxonomy) HasEvent(ctx context.Context, eventType string) (bool, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.events == nil {
		events, err := t.client.ListEvents(ctx)
		if err != nil {
			return false, err
		}
		t.events = map[string]bool{}
		for _, e := range events {
			t.events[e.EventType] = true
		}
	}
	return t.events[eventType], nil
}

// HasUserProperty reports whether the project knows the user property.
func (t *Taxonomy) HasUserProperty(ctx context.Context, name string) (bool, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.userProperties == nil {
		props, err := t.client.ListUserProperties(ctx)
		if err != nil {
			return false, err
		}
		t.userProperties = map[string]bool{}
		for _, p := range props {
			t.userProperties[p.PropertyName] = true
		}
	}
	return t.userProperties[name], nil
}

// HasEventProperty reports whether eventType has the property.
func (t *Taxonomy) HasEventProperty(ctx context.Context, eventType, name string) (bool, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.eventProps[eventType]; !ok {
		props, err := t.client.ListEventProperties(ctx, eventType)
		if err != nil && !IsNotFound(err) {
			return false, err
		}
		if t.eventProps == nil {
			t.eventProps = map[string]map[string]bool{}
		}
		t.eventProps[eventType] = map[string]bool{}
		for _, p := range props {
			t.eventProps[eventType][p.PropertyName] = true
		}
	}
	return t.eventProps[eventType][name], nil
}
