package badinput_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/braze"
)

// Import ids are joined into request paths. Every importable resource of
// both providers must refuse, before any request, an id that could walk
// those paths or that is not the shape the vendor assigns, and must say
// which shape it expects.
var walkingImportIDs = []string{
	".", "..", "../..", "a/b", "../destinations", "a\\b", "%2e%2e", "..%2f..", "a%2Fb", "a%2fb",
	"a\x00b", "a\nb", "a\x7fb", "\x1b[31m", "", "   ",
}

// importableIDs gives a well-formed id for resources whose ids are not
// opaque vendor ids; the rest take the sandbox's id shape.
var importableIDs = map[string]string{
	"amplitude_user_property":  "loyalty_tier",
	"amplitude_event_type":     "Sign Up",
	"amplitude_event_property": "Purchase/price",
}

// compositeImportIDs places a walking id in each part of an id made of
// parts: "<event type>/<property name>" for event properties.
var compositeImportIDs = map[string]func(walk string) []string{
	"amplitude_event_property": func(walk string) []string { return []string{walk + "/price", "Purchase/" + walk} },
}

const opaqueID = "5f2d7c1e-9a4b-4c3d-8e2f-1a2b3c4d5e6f"

func TestImportRefusesIDsThatWalkPaths(t *testing.T) {
	ctx := context.Background()
	checked := 0
	for _, p := range []provider.Provider{amplitude.New("test")(), braze.New("test")()} {
		var meta provider.MetadataResponse
		p.Metadata(ctx, provider.MetadataRequest{}, &meta)
		for _, newResource := range p.Resources(ctx) {
			r := newResource()
			var rmeta resource.MetadataResponse
			r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &rmeta)
			importer, ok := r.(resource.ResourceWithImportState)
			if !ok {
				continue
			}
			checked++
			good := opaqueID
			if id, ok := importableIDs[rmeta.TypeName]; ok {
				good = id
			}
			if diags := importID(ctx, r, importer, good); diags != "" {
				t.Errorf("%s: import %q refused: %s", rmeta.TypeName, good, diags)
			}
			ids := walkingImportIDs
			if compose, ok := compositeImportIDs[rmeta.TypeName]; ok {
				ids = nil
				for _, walk := range walkingImportIDs {
					ids = append(ids, compose(walk)...)
				}
			}
			for _, id := range ids {
				diags := importID(ctx, r, importer, id)
				if diags == "" {
					t.Errorf("%s: import %q accepted", rmeta.TypeName, id)
				} else if !strings.Contains(diags, "Invalid import id") {
					t.Errorf("%s: import %q: %s; want an Invalid import id error naming the expected shape", rmeta.TypeName, id, diags)
				}
			}
		}
	}
	if checked < 5 {
		t.Errorf("checked %d importable resources; want every one of both providers", checked)
	}
}

// importID runs r's ImportState on an empty state and returns its errors.
func importID(ctx context.Context, r resource.Resource, importer resource.ResourceWithImportState, id string) string {
	var schema resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schema)
	state := tfsdk.State{Schema: schema.Schema, Raw: tftypes.NewValue(schema.Schema.Type().TerraformType(ctx), nil)}
	resp := resource.ImportStateResponse{State: state}
	importer.ImportState(ctx, resource.ImportStateRequest{ID: id}, &resp)
	var errs []string
	for _, d := range resp.Diagnostics.Errors() {
		errs = append(errs, d.Summary()+": "+d.Detail())
	}
	return strings.Join(errs, "; ")
}
