package main

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	amplitudeprovider "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude"
)

// The floor measures nothing unless Terraform sees the real provider's
// schemas: every resource, data source, function, action and list resource, attribute by
// attribute.
func TestFloorServesTheRealSchemas(t *testing.T) {
	amplitude := providerSchema(t, providerserver.NewProtocol6(amplitudeprovider.New("floor")()))
	floor := providerSchema(t, providerserver.NewProtocol6(New()))
	if len(amplitude.ResourceSchemas) == 0 {
		t.Fatal("the real provider serves no resource")
	}
	if !reflect.DeepEqual(amplitude.Provider, floor.Provider) {
		t.Error("the floor's provider schema differs from the real provider's")
	}
	sameSchemas(t, "resource", amplitude.ResourceSchemas, floor.ResourceSchemas)
	sameSchemas(t, "data source", amplitude.DataSourceSchemas, floor.DataSourceSchemas)
	sameSchemas(t, "function", amplitude.Functions, floor.Functions)
	sameSchemas(t, "action", amplitude.ActionSchemas, floor.ActionSchemas)
	sameSchemas(t, "list resource", amplitude.ListResourceSchemas, floor.ListResourceSchemas)
	if !reflect.DeepEqual(amplitude, floor) {
		t.Error("the floor's GetProviderSchema answer differs from the real provider's")
	}
}

// sameSchemas names each type whose schema the floor serves differently
// from the real provider, amplitude.
func sameSchemas[S any](t *testing.T, kind string, amplitude, floor map[string]S) {
	t.Helper()
	for name, schema := range amplitude {
		if f, ok := floor[name]; !ok || !reflect.DeepEqual(schema, f) {
			t.Errorf("%s %s: the floor's schema differs from the real provider's", kind, name)
		}
	}
	for name := range floor {
		if _, ok := amplitude[name]; !ok {
			t.Errorf("%s %s: the floor serves a type the real provider does not", kind, name)
		}
	}
}

func providerSchema(t *testing.T, server func() tfprotov6.ProviderServer) *tfprotov6.GetProviderSchemaResponse {
	t.Helper()
	resp, err := server().GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, resp.Diagnostics)
	}
	return resp
}

func TestKnownFillsWhatThePlanLeftUnknown(t *testing.T) {
	object := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"id": tftypes.String, "version": tftypes.Number, "paused": tftypes.Bool,
		"tags": tftypes.List{ElementType: tftypes.String}, "name": tftypes.String,
	}}
	plan := tftypes.NewValue(object, map[string]tftypes.Value{
		"id":      tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"version": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
		"paused":  tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue),
		"tags":    tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, tftypes.UnknownValue),
		"name":    tftypes.NewValue(tftypes.String, "kept"),
	})
	got, err := known(plan)
	if err != nil {
		t.Fatal(err)
	}
	want := tftypes.NewValue(object, map[string]tftypes.Value{
		"id":      tftypes.NewValue(tftypes.String, "floor"),
		"version": tftypes.NewValue(tftypes.Number, 0),
		"paused":  tftypes.NewValue(tftypes.Bool, false),
		"tags":    tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, nil),
		"name":    tftypes.NewValue(tftypes.String, "kept"),
	})
	if !got.Equal(want) {
		t.Errorf("known(%v) = %v; want %v", plan, got, want)
	}
}
