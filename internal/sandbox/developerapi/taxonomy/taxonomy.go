// Package taxonomy is the tracking plan of the sandbox's Developer API
// (amplitude.com/docs/apis/developer, the Taxonomy sections): the project's
// events, each event's properties, and its user properties. It serves them
// through package developerapi, which puts every write under its
// Idempotency-Key and checks each request's shape against
// api/amplitude-developer.openapi.yaml. This package keeps what the
// document cannot say: what the plan holds, the rules between a property's
// members, and what a create of an existing name does.
//
// Names are the ids: an event is addressed by its event type, a property
// by its name. Deletes are soft: a deleted object is gone from every
// answer until a create of its name brings it back. Other vendors' rules
// look at the plan through UserProperty and HasLiveEvent.
package taxonomy

import (
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// API is the tracking-plan section of the Developer API.
type API struct {
	sb    *core.Sandbox
	dev   *developerapi.API
	store *core.Store
	// state is touched only under the store's lock.
	state state
}

// New adds the tracking plan to the Developer API, with its part of the
// state ("taxonomy" in the state file).
func New(sb *core.Sandbox, dev *developerapi.API) *API {
	a := &API{sb: sb, dev: dev, store: sb.Store()}
	a.store.AddPart("taxonomy", &a.state)
	dev.Serve(map[string]http.HandlerFunc{
		"listEvents": a.listEvents, "createEvent": a.createEvent, "getEvent": a.getEvent,
		"updateEvent": a.updateEvent, "deleteEvent": a.deleteEvent,
		"listEventProperties": a.listEventProperties, "createEventProperty": a.createEventProperty,
		"getEventProperty": a.getEventProperty, "updateEventProperty": a.updateEventProperty, "deleteEventProperty": a.deleteEventProperty,
		"listUserProperties": a.listUserProperties, "createUserProperty": a.createUserProperty,
		"getUserProperty": a.getUserProperty, "updateUserProperty": a.updateUserProperty, "deleteUserProperty": a.deleteUserProperty,
	})
	return a
}

// state is the tracking plan. Events are kept in event-type order, event
// properties in (event type, name) order, and user properties in name
// order, comparing names byte by byte; the lists answer in this order. The
// vendor documents no order; this one is total and stable.
//
// The slices an object holds (a property's enum_values) are replaced, never
// changed in place, so a view built under the lock may share them after it
// is released. Scalar fields, such as a soft delete's flag, may be set in
// place under the lock.
type state struct {
	Events          []event         `json:"events"`
	EventProperties []eventProperty `json:"event_properties"`
	UserProperties  []userProperty  `json:"user_properties"`
}

// Seed makes the plan the sandbox starts from and returns to on reset.
// Every seeded event is live: it has data. currency and referral_source
// have data too, but the plan does not hold them (ingested-only); country
// is one of Amplitude's default properties
// (amplitude.com/docs/get-started/user-property-definitions).
func (st *state) Seed(time.Time) {
	typed := func(dataType string) metadata {
		return metadata{DataType: &dataType, EnumValues: []string{}, Classifications: []string{}}
	}
	inPlan := func(name string, m metadata) property { return property{Name: name, metadata: m, InSchema: true} }
	ltv, plan := "Lifetime value in USD", "Subscription plan"
	*st = state{
		Events: []event{
			{EventType: "Add to Cart", DisplayName: "Add to Cart", IsActive: true},
			{EventType: "Purchase", DisplayName: "Purchase", IsActive: true},
			{EventType: "Sign Up", DisplayName: "Sign Up", IsActive: true},
		},
		EventProperties: []eventProperty{
			{EventType: "Purchase", property: property{Name: "currency", metadata: typed("string")}},
			{EventType: "Purchase", property: inPlan("price", typed("number"))},
		},
		UserProperties: []userProperty{
			{property: inPlan("country", typed("string")), AmplitudeDefault: true},
			{property: inPlan("ltv", metadata{Description: &ltv, DataType: ptr("number"), EnumValues: []string{}, Classifications: []string{"REVENUE"}})},
			{property: inPlan("plan", metadata{Description: &plan, DataType: ptr("string"), EnumValues: []string{}, Classifications: []string{}})},
			{property: property{Name: "referral_source", metadata: typed("string")}},
		},
	}
}

// Count counts the live objects for GET /_sandbox/stats; soft-deleted
// objects are not counted.
func (st *state) Count(counts map[string]int) {
	counts["events"] = countLive(st.Events)
	counts["event_properties"] = countLive(st.EventProperties)
	counts["user_properties"] = countLive(st.UserProperties)
}

func countLive[T planObject](items []T) int {
	n := 0
	for _, item := range items {
		if !item.deleted() {
			n++
		}
	}
	return n
}

// request is a create or PATCH body of any object of the plan. The document
// says which members each operation takes and checks each member's shape. A
// null clears a nullable member.
type request struct {
	EventType       string                `json:"event_type"`
	PropertyName    string                `json:"property_name"`
	DisplayName     core.Member[*string]  `json:"display_name"`
	Description     core.Member[*string]  `json:"description"`
	IsActive        core.Member[bool]     `json:"is_active"`
	DataType        core.Member[*string]  `json:"data_type"`
	IsArrayType     core.Member[bool]     `json:"is_array_type"`
	EnumValues      core.Member[[]string] `json:"enum_values"`
	Regex           core.Member[*string]  `json:"regex"`
	IsHidden        core.Member[bool]     `json:"is_hidden"`
	Classifications core.Member[[]string] `json:"classifications"`
}

func (a *API) decode(w http.ResponseWriter, r *http.Request) (request, bool) {
	var req request
	if err := core.ReadJSON(r, &req); err != nil {
		core.Fail(a.dev, w, r, err)
		return req, false
	}
	return req, true
}

// metadata describes a property's values
// (amplitude.com/docs/apis/developer/taxonomy-event-properties/get-event-property).
// A nil pointer is null; the lists are never nil once stored.
type metadata struct {
	Description     *string  `json:"description"`
	DataType        *string  `json:"data_type"`
	IsArrayType     bool     `json:"is_array_type"`
	EnumValues      []string `json:"enum_values"`
	Regex           *string  `json:"regex"`
	IsHidden        bool     `json:"is_hidden"`
	Classifications []string `json:"classifications"`
}

// apply sets the members the request sends; a list replaces the stored one
// whole.
func (m *metadata) apply(req *request) {
	req.Description.SetTo(&m.Description)
	req.DataType.SetTo(&m.DataType)
	req.IsArrayType.SetTo(&m.IsArrayType)
	req.EnumValues.SetTo(&m.EnumValues)
	req.Regex.SetTo(&m.Regex)
	req.IsHidden.SetTo(&m.IsHidden)
	req.Classifications.SetTo(&m.Classifications)
}

// check applies the rules between members to the property as a request
// would leave it, so that a PATCH of one member cannot break a rule together
// with a member it did not send (a data_type changed from enum, with
// enum_values left behind). Each problem is located at the member that
// would be wrong. The vendor documents the members but not these rules, so
// they are the sandbox's own, as is the rule that a regex must compile.
func (m *metadata) check() error {
	var p core.FieldProblems
	typ := "null (untyped)"
	if m.DataType != nil {
		typ = *m.DataType
	}
	switch {
	case typ == "enum" && len(m.EnumValues) == 0:
		p.Add("enum_values", core.ProblemRequired, "data_type enum needs enum_values: at least one value")
	case typ != "enum" && len(m.EnumValues) > 0:
		p.Add("enum_values", core.ProblemNotAllowed, "enum_values apply only to data_type enum; the property's data_type would be %s (send enum_values: [] to clear them)", typ)
	}
	if m.Regex != nil && typ != "string" {
		p.Add("regex", core.ProblemNotAllowed, "regex applies only to data_type string; the property's data_type would be %s (send regex: null to clear it)", typ)
	} else if _, err := regexp.Compile(deref(m.Regex)); err != nil {
		p.Add("regex", core.ProblemInvalidValue, "regex %q does not compile: %s", *m.Regex, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	return p.Err(http.StatusBadRequest, "")
}

// property is a property of the plan, an event's or the users'.
type property struct {
	Name string `json:"property_name"`
	metadata
	// InSchema is false for an ingested-only property: it has data, but the
	// plan does not hold it. Such a property cannot be changed or deleted;
	// a create of its name promotes it into the plan.
	InSchema bool `json:"in_schema"`
	// Deleted marks a soft delete: the property stays stored but is gone
	// from every answer.
	Deleted bool `json:"deleted"`
}

func (p property) planName() string { return p.Name }

func (p property) deleted() bool { return p.Deleted }

// view returns the members that the views of event properties and user
// properties share. Its lists are never null.
func (p *property) view(object string) map[string]any {
	return map[string]any{
		"id": p.Name, "object": object, "project_id": developerapi.ProjectID, "property_name": p.Name,
		"description": p.Description, "is_hidden": p.IsHidden, "is_in_schema": p.InSchema, "data_type": p.DataType,
		"is_array_type": p.IsArrayType, "enum_values": core.OrEmpty(p.EnumValues), "regex": p.Regex,
		"classifications": core.OrEmpty(p.Classifications),
	}
}

// keptOnCreate reports whether a create of the property's name leaves it
// as it is and answers it, the metadata sent ignored: it is live and in the
// plan. The vendor says such a create returns the existing property without
// modification, and documents 201 as the create's only success
// (amplitude.com/docs/apis/developer/taxonomy-event-properties/create-event-property),
// so the sandbox answers 201 too: a client cannot tell this answer from a
// create by its status. Any other existing name is made from the body: an
// ingested-only property is promoted (the same page), a soft-deleted one
// restored (open point: Create of an existing name).
func (p *property) keptOnCreate() bool {
	return !p.Deleted && p.InSchema
}

// keptStatus is the status of a create that keeps what is there (open
// point: Create of an existing name): 201 as modelled, or 200 when the
// sandbox is set to contradict that open point.
func (a *API) keptStatus() int {
	if a.sb.Contradicts(core.ContradictCreateExistingPlanName200) {
		return http.StatusOK
	}
	return http.StatusCreated
}

// checkWritable refuses a PATCH or DELETE of an ingested-only property with
// the vendor's 422 not_in_schema: such a property "cannot be modified"
// (get-event-property, is_in_schema).
func (p *property) checkWritable() error {
	if p.InSchema {
		return nil
	}
	return developerapi.Refuse(http.StatusUnprocessableEntity, "not_in_schema",
		"%s has data but is not in the tracking plan: POST it to add it to the plan first", p.Name)
}

// planObject is what the functions below need of an event, an event
// property or a user property. All three kinds are kept in name order and
// soft-deleted rather than removed, so the same functions serve the lists,
// reads and deletes of all three.
type planObject interface {
	planName() string
	deleted() bool
}

// list answers one page of the objects that items returns under the store's
// lock, keeping only the live ones whose name matches q, and shows each with
// view. items returns an error when the list's parent (the event, for event
// properties) does not exist.
func list[T planObject](a *API, w http.ResponseWriter, r *http.Request, items func(*state) ([]T, error), view func(*T) map[string]any) {
	q := r.URL.Query()
	p, err := developerapi.ParseNamePage(q)
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	var views []map[string]any
	var next *string
	a.store.Read(func(*core.Tx) {
		var all, matching []T
		if all, err = items(&a.state); err != nil {
			return
		}
		for _, item := range all {
			if !item.deleted() && developerapi.Matches(item.planName(), q.Get("q")) {
				matching = append(matching, item)
			}
		}
		var page []T
		page, next, err = developerapi.PageByName(matching, T.planName, p, a.dev.SearchWindow())
		for i := range page {
			views = append(views, view(&page[i]))
		}
	})
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	developerapi.WriteList(w, views, next)
}

// get answers with the view that find returns under the store's lock, or
// with find's refusal.
func get(a *API, w http.ResponseWriter, r *http.Request, find func(*state) (map[string]any, error)) {
	var view map[string]any
	var err error
	a.store.Read(func(*core.Tx) { view, err = find(&a.state) })
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	developerapi.WriteData(w, http.StatusOK, view)
}

// update runs change under the store's lock and answers with the view it
// returns and status, or with its refusal.
func update(a *API, w http.ResponseWriter, r *http.Request, status int, change func(*state) (map[string]any, error)) {
	updateWithStatus(a, w, r, func(st *state) (map[string]any, int, error) {
		view, err := change(st)
		return view, status, err
	})
}

// updateWithStatus is update for a change whose outcome sets the status.
func updateWithStatus(a *API, w http.ResponseWriter, r *http.Request, change func(*state) (map[string]any, int, error)) {
	var view map[string]any
	var status int
	err := a.store.Update(func(*core.Tx) error {
		var err error
		view, status, err = change(&a.state)
		return err
	})
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	developerapi.WriteData(w, status, view)
}

// softDelete answers a DELETE with 204. With dry_run=true it only checks
// that find finds an object that may be deleted. Otherwise, under the
// store's lock, remove soft-deletes the object at the index find returns.
func softDelete(a *API, w http.ResponseWriter, r *http.Request, find func(*state) (int, error), remove func(st *state, i int)) {
	var err error
	if r.URL.Query().Get("dry_run") == "true" {
		a.store.Read(func(*core.Tx) { _, err = find(&a.state) })
	} else {
		err = a.store.Update(func(*core.Tx) error {
			i, err := find(&a.state)
			if err == nil {
				remove(&a.state, i)
			}
			return err
		})
	}
	if err != nil {
		core.Fail(a.dev, w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func ptr[T any](v T) *T { return &v }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
