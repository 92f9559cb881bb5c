package braze_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// Braze exports custom attributes 50 at a time and points to the next page
// only through the Link header; the client follows it to the end.
func TestListCustomAttributesAcrossPages(t *testing.T) {
	f := newFixture(t, nil)
	var added struct {
		CustomAttributes int `json:"custom_attributes"`
	}
	f.control(t, "POST", "/custom_attributes", map[string]any{"count": 128}, &added)
	if added.CustomAttributes != 130 {
		t.Fatalf("%d attributes, want 130", added.CustomAttributes)
	}

	attrs, err := f.client(t, sandbox.BrazeAdminKey).ListCustomAttributes(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range attrs {
		names = append(names, a.Name)
		if a.DataType == "" || a.Status != "Active" || a.TagNames == nil || a.ArrayLength != nil {
			t.Errorf("attribute %+v", a)
		}
	}
	if len(names) != 130 || !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != 130 {
		t.Fatalf("names %v", names)
	}
	if !slices.Contains(names, "plan") || !slices.Contains(names, "country") {
		t.Errorf("the seed's attributes are missing from %v", names)
	}
	if got := f.sandbox.Stats().Requests.ByRoute["GET /braze/custom_attributes"]; got != 3 {
		t.Errorf("%d page requests, want 3", got)
	}
	plan := attrs[slices.IndexFunc(attrs, func(a braze.CustomAttribute) bool { return a.Name == "plan" })]
	if plan.Description == nil || *plan.Description != "Subscription plan" || plan.DataType != "String" {
		t.Errorf("plan %+v", plan)
	}
}

func TestListCustomAttributesNeedsPermission(t *testing.T) {
	f := newFixture(t, nil)
	ctx := t.Context()
	key, err := f.client(t, sandbox.BrazeAdminKey).CreateAPIKey(ctx, braze.NewAPIKey{Name: "tracker", Permissions: []string{"users.track"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.client(t, key.Key).ListCustomAttributes(ctx)
	if !braze.IsForbidden(err) || !strings.Contains(err.Error(), "custom_attributes.get") {
		t.Errorf("a key without custom_attributes.get: %v", err)
	}
}
