package developer_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

const (
	eventsRoute          = "/developer-api/v1/projects/{project_id}/events"
	eventPropertiesRoute = "/developer-api/v1/projects/{project_id}/events/{event_id}/event-properties"
	userPropertiesPath   = "/developer-api/v1/projects/{project_id}/user-properties"
)

func ptr[T any](v T) *T { return &v }

func TestEventLifecycle(t *testing.T) {
	f := newFixture(t, adminToken)
	ctx := t.Context()
	created, err := f.client.CreateEvent(ctx, "Checkout Started", developer.EventSpec{Description: ptr("A checkout began."), IsActive: false})
	if err != nil {
		t.Fatal(err)
	}
	if created.EventType != "Checkout Started" || created.IsActive || *created.Description != "A checkout began." {
		t.Fatalf("created %+v", created)
	}
	// An update sends every field: a nil description clears it.
	updated, err := f.client.UpdateEvent(ctx, "Checkout Started", developer.EventSpec{IsActive: true})
	if err != nil || updated.Description != nil || !updated.IsActive {
		t.Fatalf("updated %+v, %v", updated, err)
	}
	if _, err := f.client.CreateEvent(ctx, "Checkout Started", developer.EventSpec{IsActive: true}); !developer.IsAlreadyExists(err) {
		t.Errorf("a second create: %v, want already exists", err)
	}
	if err := f.client.DeleteEvent(ctx, "Checkout Started"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.GetEvent(ctx, "Checkout Started"); !developer.IsNotFound(err) {
		t.Errorf("read after delete: %v, want not found", err)
	}
	if err := f.client.DeleteEvent(ctx, "Checkout Started"); err != nil {
		t.Errorf("deleting a deleted event: %v", err)
	}
	// Deletes are soft: a create brings the event back.
	restored, err := f.client.CreateEvent(ctx, "Checkout Started", developer.EventSpec{Description: ptr("Back."), IsActive: true})
	if err != nil || *restored.Description != "Back." {
		t.Errorf("restored %+v, %v", restored, err)
	}
}

// Every write carries an Idempotency-Key that stays the same across the
// retries of one write: with every answer lost, each object is made once.
func TestTaxonomyWritesAreExactlyOnce(t *testing.T) {
	f := newFixture(t, adminToken)
	f.client = newPatientClient(t, f.url)
	ctx := t.Context()
	f.sandbox.SetFaults(sandbox.Faults{DropResponseRate: 0.5, ErrorRate: 0.2})
	for i := range 10 {
		if _, err := f.client.CreateUserProperty(ctx, fmt.Sprintf("prop_%d", i), developer.PropertySpec{DataType: ptr("string")}); err != nil {
			t.Fatalf("create %d: %v", i, err)
		}
		if _, err := f.client.CreateEvent(ctx, fmt.Sprintf("Event %d", i), developer.EventSpec{IsActive: true}); err != nil {
			t.Fatalf("create event %d: %v", i, err)
		}
	}
	f.sandbox.SetFaults(sandbox.Faults{})
	props, err := f.client.ListUserProperties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	made := 0
	for _, p := range props {
		if len(p.PropertyName) > 5 && p.PropertyName[:5] == "prop_" {
			made++
		}
	}
	if made != 10 {
		t.Errorf("%d properties made, want 10", made)
	}
	if n := f.routes(t)["POST "+userPropertiesPath]; n < 10 {
		t.Errorf("%d creates sent; the faults should have made the client retry", n)
	}
}

// Amplitude answers a create of a property already in the plan with the
// property unchanged and the same 201 as a create, so the client cannot
// learn from the answer that nothing was made. It reads first, and reports
// such a property without sending the create.
func TestCreateOfAPropertyInThePlan(t *testing.T) {
	f := newFixture(t, adminToken)
	ctx := t.Context()
	before := f.routes(t)
	price, err := f.client.CreateEventProperty(ctx, "Purchase", "price", developer.PropertySpec{DataType: ptr("string"), Description: ptr("ignored")})
	if !errors.Is(err, developer.ErrAlreadyInPlan) || *price.DataType != "number" || price.Description != nil {
		t.Errorf("create of price: %+v, %v; want the seeded property and ErrAlreadyInPlan", price, err)
	}
	plan, err := f.client.CreateUserProperty(ctx, "plan", developer.PropertySpec{DataType: ptr("number")})
	if !errors.Is(err, developer.ErrAlreadyInPlan) || *plan.DataType != "string" {
		t.Errorf("create of plan: %+v, %v; want the seeded property and ErrAlreadyInPlan", plan, err)
	}
	after := f.routes(t)
	for _, route := range []string{"POST " + eventPropertiesRoute, "POST " + userPropertiesPath} {
		if after[route] != before[route] {
			t.Errorf("%s sent %d times for properties in the plan, want none", route, after[route]-before[route])
		}
	}
	// An ingested-only property is not in the plan: its create is sent, and
	// promotes it.
	currency, err := f.client.CreateEventProperty(ctx, "Purchase", "currency", developer.PropertySpec{DataType: ptr("string")})
	if err != nil || !currency.IsInSchema {
		t.Errorf("promote currency: %+v, %v", currency, err)
	}
}

func TestUserPropertyRules(t *testing.T) {
	f := newFixture(t, adminToken)
	ctx := t.Context()
	enum := developer.PropertySpec{DataType: ptr("enum"), EnumValues: []string{"bronze", "gold"}, Classifications: []string{"SENSITIVE"}, DisplayName: ptr("Tier")}
	created, err := f.client.CreateUserProperty(ctx, "tier", enum)
	if err != nil {
		t.Fatal(err)
	}
	if !created.IsInSchema || *created.DataType != "enum" || *created.DisplayName != "Tier" || len(created.EnumValues) != 2 {
		t.Fatalf("created %+v", created)
	}
	// An update changes what it can; the type stays.
	updated, err := f.client.UpdateUserProperty(ctx, "tier", developer.PropertySpec{Description: ptr("Loyalty tier."), IsHidden: true})
	if err != nil || *updated.Description != "Loyalty tier." || !updated.IsHidden || updated.DisplayName != nil || len(updated.Classifications) != 0 || *updated.DataType != "enum" {
		t.Fatalf("updated %+v, %v", updated, err)
	}
	// Creating what is already in the plan changes nothing, and says so.
	if _, err := f.client.CreateUserProperty(ctx, "tier", developer.PropertySpec{DataType: ptr("string")}); !errors.Is(err, developer.ErrAlreadyInPlan) {
		t.Errorf("create of a property in the plan: %v, want ErrAlreadyInPlan", err)
	}
	// A property with data but outside the plan: Amplitude refuses changes
	// until a create promotes it.
	if _, err := f.client.UpdateUserProperty(ctx, "referral_source", developer.PropertySpec{Description: ptr("x")}); !developer.IsNotInSchema(err) {
		t.Errorf("update of an ingested-only property: %v, want not_in_schema", err)
	}
	promoted, err := f.client.CreateUserProperty(ctx, "referral_source", developer.PropertySpec{DataType: ptr("string"), Description: ptr("Where the user came from.")})
	if err != nil || !promoted.IsInSchema {
		t.Errorf("promote: %+v, %v", promoted, err)
	}
	// Amplitude's own properties are not the plan's to change.
	if _, err := f.client.UpdateUserProperty(ctx, "country", developer.PropertySpec{Description: ptr("x")}); !developer.IsReadOnlyProperty(err) {
		t.Errorf("update of country: %v, want read_only_property", err)
	}
	if err := f.client.DeleteUserProperty(ctx, "tier"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.GetUserProperty(ctx, "tier"); !developer.IsNotFound(err) {
		t.Errorf("read after delete: %v", err)
	}
	restored, err := f.client.CreateUserProperty(ctx, "tier", developer.PropertySpec{DataType: ptr("string")})
	if err != nil || *restored.DataType != "string" {
		t.Errorf("restored %+v, %v", restored, err)
	}
}

func TestEventPropertyRules(t *testing.T) {
	f := newFixture(t, adminToken)
	ctx := t.Context()
	created, err := f.client.CreateEventProperty(ctx, "Purchase", "coupon", developer.PropertySpec{DataType: ptr("string"), Regex: ptr("^[A-Z0-9]+$")})
	if err != nil || created.EventType != "Purchase" || *created.Regex != "^[A-Z0-9]+$" {
		t.Fatalf("created %+v, %v", created, err)
	}
	// Event properties change type in place, and an update replaces arrays.
	updated, err := f.client.UpdateEventProperty(ctx, "Purchase", "coupon", developer.PropertySpec{DataType: ptr("enum"), EnumValues: []string{"SPRING", "FALL"}})
	if err != nil || *updated.DataType != "enum" || updated.Regex != nil || len(updated.EnumValues) != 2 {
		t.Fatalf("updated %+v, %v", updated, err)
	}
	if _, err := f.client.UpdateEventProperty(ctx, "Purchase", "currency", developer.PropertySpec{Description: ptr("x")}); !developer.IsNotInSchema(err) {
		t.Errorf("update of an ingested-only property: %v, want not_in_schema", err)
	}
	if _, err := f.client.CreateEventProperty(ctx, "No Such Event", "x", developer.PropertySpec{}); !developer.IsNotFound(err) {
		t.Errorf("property of an unknown event: %v, want not found", err)
	}
	// Amplitude refuses values with white space around them, on its field.
	// The contract says so too: the request is off it on purpose.
	f.contract.OffContract(func() {
		_, err = f.client.CreateEventProperty(ctx, "Purchase", "size", developer.PropertySpec{DataType: ptr("enum"), EnumValues: []string{" small"}})
	})
	if fields := developer.FieldErrors(err); len(fields) == 0 || fields[0].Field[:11] != "enum_values" {
		t.Errorf("an enum value with a space: %v, want a field error on enum_values", err)
	}
}

// The run's view of the tracking plan reads each listing once, however many
// destinations ask.
func TestTaxonomyIsListedOncePerRun(t *testing.T) {
	f := newFixture(t, adminToken)
	ctx := t.Context()
	tax := f.client.Taxonomy()
	for range 3 {
		if ok, err := tax.HasEvent(ctx, "Purchase"); err != nil || !ok {
			t.Fatalf("HasEvent(Purchase) = %v, %v", ok, err)
		}
		if ok, err := tax.HasEvent(ctx, "Purchased"); err != nil || ok {
			t.Fatalf("HasEvent(Purchased) = %v, %v", ok, err)
		}
		if ok, err := tax.HasUserProperty(ctx, "plan"); err != nil || !ok {
			t.Fatalf("HasUserProperty(plan) = %v, %v", ok, err)
		}
		if ok, err := tax.HasEventProperty(ctx, "Purchase", "price"); err != nil || !ok {
			t.Fatalf("HasEventProperty(Purchase, price) = %v, %v", ok, err)
		}
	}
	routes := f.routes(t)
	if routes["GET "+eventsRoute] != 1 || routes["GET "+userPropertiesPath] != 1 {
		t.Errorf("listings sent: events %d, user properties %d; want one each", routes["GET "+eventsRoute], routes["GET "+userPropertiesPath])
	}
}

// newPatientClient retries as long as a provider configured with
// max_retries = 20 would.
func newPatientClient(t *testing.T, url string) *developer.Client {
	t.Helper()
	client, err := developer.New(developer.Config{BaseURL: url + "/developer-api", AccessToken: adminToken, ProjectID: projectID,
		Transport: transport.Config{MaxRetries: 20, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	return client
}
