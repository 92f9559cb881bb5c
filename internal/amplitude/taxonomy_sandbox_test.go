package amplitude_test

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
)

func TestUserPropertyLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	want := amplitude.UserProperty{
		Name:            "Favourite Colour",
		Description:     "Chosen at sign-up",
		Type:            "enum",
		EnumValues:      []string{"red", "yellow", "blue"},
		IsArrayType:     true,
		Classifications: []string{"PII", "SENSITIVE"},
	}
	created, err := f.client.CreateUserProperty(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*created, want) {
		t.Fatalf("created %+v, want %+v", *created, want)
	}

	// Rename, clear the description and the classifications, change the type.
	next := amplitude.UserProperty{Name: "favourite_colour", Type: "string", Regex: "^[a-z]+$", Classifications: []string{}}
	updated, err := f.client.UpdateUserProperty(ctx, "Favourite Colour", next)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*updated, next) {
		t.Fatalf("updated %+v, want %+v", *updated, next)
	}
	if _, err := f.client.GetUserProperty(ctx, "Favourite Colour"); !amplitude.IsNotFound(err) {
		t.Errorf("the old name after a rename: %v, want not found", err)
	}

	if err := f.client.DeleteUserProperty(ctx, "favourite_colour"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.GetUserProperty(ctx, "favourite_colour"); !amplitude.IsNotFound(err) {
		t.Errorf("read after delete: %v, want not found", err)
	}
	if err := f.client.DeleteUserProperty(ctx, "favourite_colour"); err != nil {
		t.Errorf("deleting a deleted property: %v", err)
	}
}

// The client names custom properties with Amplitude's gp: prefix and strips
// it from answers.
func TestUserPropertyPrefix(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	plan, err := f.client.GetUserProperty(ctx, "plan")
	if err != nil || plan.Name != "plan" || plan.Type != "string" {
		t.Fatalf("plan: %+v, %v", plan, err)
	}
	// country is Amplitude's own property, not a custom one: the client,
	// which manages custom properties, does not see it as gp:country.
	if _, err := f.client.GetUserProperty(ctx, "country"); !amplitude.IsNotFound(err) {
		t.Errorf("country: %v, want not found", err)
	}
	_, err = f.client.CreateUserProperty(ctx, amplitude.UserProperty{Name: "country"})
	if !amplitude.IsConflict(err) {
		t.Errorf("creating a custom country: %v, want a conflict", err)
	}
}

func TestUserPropertyRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	_, err := f.client.CreateUserProperty(ctx, amplitude.UserProperty{Name: "tier", Type: "string", EnumValues: []string{"a"}})
	wantAPIError(t, err, http.StatusBadRequest)
	_, err = f.client.CreateUserProperty(ctx, amplitude.UserProperty{Name: "plan"})
	if !amplitude.IsConflict(err) {
		t.Errorf("duplicate: %v, want a conflict", err)
	}
	_, err = f.client.UpdateUserProperty(ctx, "plan", amplitude.UserProperty{Name: "ltv", Type: "string"})
	if !amplitude.IsConflict(err) {
		t.Errorf("rename onto ltv: %v, want a conflict", err)
	}
	_, err = f.client.UpdateUserProperty(ctx, "nothing", amplitude.UserProperty{Name: "nothing"})
	if !amplitude.IsNotFound(err) {
		t.Errorf("update of an unknown property: %v, want not found", err)
	}
}

// Names travel escaped in the path; the sandbox reads them back whole.
func TestUserPropertyNamesNeedEscaping(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	for _, name := range []string{"Play Song", "a/b?c", "100%", "x#y", "ü"} {
		p, err := f.client.CreateUserProperty(ctx, amplitude.UserProperty{Name: name, Description: name})
		if err != nil || p.Name != name || p.Description != name {
			t.Errorf("%q: %+v, %v", name, p, err)
			continue
		}
		if err := f.client.DeleteUserProperty(ctx, name); err != nil {
			t.Errorf("delete %q: %v", name, err)
		}
	}
}
