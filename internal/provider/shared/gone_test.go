package shared

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestRemoveGoneWarnsAndDropsTheObject(t *testing.T) {
	objectType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	resp := &resource.ReadResponse{State: tfsdk.State{
		Schema: schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}},
		Raw:    tftypes.NewValue(objectType, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "42")}),
	}}

	RemoveGone(t.Context(), resp, `Amplitude sync "42"`)

	if !resp.State.Raw.IsNull() {
		t.Errorf("the object is still in the state: %v", resp.State.Raw)
	}
	if resp.Diagnostics.HasError() || len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity() != diag.SeverityWarning {
		t.Fatalf("want one warning, got %v", resp.Diagnostics)
	}
	warning := resp.Diagnostics[0]
	for _, want := range []string{`Amplitude sync "42"`, "removed outside Terraform"} {
		if !strings.Contains(warning.Summary()+warning.Detail(), want) {
			t.Errorf("the warning does not say %q: %s / %s", want, warning.Summary(), warning.Detail())
		}
	}
}
