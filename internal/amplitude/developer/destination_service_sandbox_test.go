package developer_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// streamWrite is a write of a Braze stream whose check refuses nothing.
func streamWrite(name string) developer.DestinationWrite {
	return developer.DestinationWrite{Partner: developer.PartnerBraze, Spec: stream("Purchase").Spec(name, true)}
}

// A write whose check against the partner's type finds an error is not sent,
// and the check sees Amplitude's type of the partner.
func TestServiceSendsNothingTheCheckRefuses(t *testing.T) {
	f := newFixture(t, adminToken)
	service := f.client.DestinationService("Braze destination", true)
	w := streamWrite("refused")
	var checked *developer.DestinationType
	w.Check = func(t *developer.DestinationType) developer.Diagnostics {
		checked = t
		var found developer.Diagnostics
		found.AddError("config.app_id", "Not taken", "the check refuses it")
		return found
	}
	for name, call := range map[string]func() developer.Diagnostics{
		"create":        func() developer.Diagnostics { _, found := service.Create(t.Context(), w); return found },
		"update":        func() developer.Diagnostics { _, found := service.Update(t.Context(), "any", 1, w); return found },
		"planned write": func() developer.Diagnostics { return service.CheckPlanned(t.Context(), "", 0, w) },
	} {
		if found := call(); len(found) != 1 || found[0].Field != "config.app_id" {
			t.Errorf("%s: %+v, want the check's one finding", name, found)
		}
	}
	if checked == nil || checked.Partner != developer.PartnerBraze {
		t.Errorf("the check saw %+v, want Braze's type", checked)
	}
	if n := f.routes(t)["POST /developer-api/v1/projects/{project_id}/destinations"] + f.routes(t)["PATCH /developer-api/v1/projects/{project_id}/destinations/{id}"]; n != 0 {
		t.Errorf("%d writes were sent for writes the check refused", n)
	}
}

// Amplitude's validation errors keep the field they name; a dry run with
// dry runs turned off only checks.
func TestServiceKeepsTheFieldsOfRefusals(t *testing.T) {
	f := newFixture(t, adminToken)
	weak := stream()
	weak.APIKey = "not-a-braze-key"
	w := developer.DestinationWrite{Partner: developer.PartnerBraze, Spec: weak.Spec("weak", true)}
	found := f.client.DestinationService("Braze destination", true).CheckPlanned(t.Context(), "", 0, w)
	if len(found) != 1 || found[0].Warning || found[0].Field != "config.api_key" || !strings.Contains(found[0].Detail, "Amplitude: config.api_key:") {
		t.Errorf("dry run of a write with a bad key: %+v", found)
	}
	if found := f.client.DestinationService("Braze destination", false).CheckPlanned(t.Context(), "", 0, w); len(found) != 0 {
		t.Errorf("without dry runs, a planned write is only checked: %+v", found)
	}
	if _, found := f.client.DestinationService("Braze destination", true).Create(t.Context(), w); len(found) != 1 || found[0].Field != "config.api_key" || found[0].Summary != "Cannot create the Braze destination" {
		t.Errorf("create with a bad key: %+v", found)
	}
}

// An update planned against an old version is refused as a version
// conflict, and nothing is overwritten.
func TestServiceReportsAVersionConflict(t *testing.T) {
	f := newFixture(t, adminToken)
	service := f.client.DestinationService("Braze destination", true)
	d, found := service.Create(t.Context(), streamWrite("contended"))
	if found.HasError() {
		t.Fatal(found)
	}
	if _, found := service.Update(t.Context(), d.ID, d.Version, streamWrite("first")); found.HasError() {
		t.Fatal(found)
	}
	for name, found := range map[string]developer.Diagnostics{
		"dry run": service.CheckPlanned(t.Context(), d.ID, d.Version, streamWrite("second")),
		"update": func() developer.Diagnostics {
			_, found := service.Update(t.Context(), d.ID, d.Version, streamWrite("second"))
			return found
		}(),
	} {
		if len(found) != 1 || !found[0].VersionConflict || !strings.Contains(found[0].Detail, "nothing was overwritten") {
			t.Errorf("%s of a stale version: %+v", name, found)
		}
	}
	if now, err := f.client.GetDestination(t.Context(), d.ID); err != nil || now.DisplayName != "first" {
		t.Errorf("after the refused update Amplitude holds %+v (%v)", now, err)
	}
}

// An update with RemoveUnsentSecrets removes the partner's secret parameters
// it does not send, and keeps those it sends.
func TestServiceRemovesUnsentSecrets(t *testing.T) {
	var patches []map[string]any
	checked := contract.Handler(t, sandbox.New(sandbox.Options{}))
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPatch {
			body, _ := io.ReadAll(r.Body)
			var patch map[string]any
			_ = json.Unmarshal(body, &patch)
			patches = append(patches, patch)
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		checked.ServeHTTP(w, r)
	}))
	t.Cleanup(server.Close)
	service := newClient(t, server.URL+"/developer-api", adminToken).DestinationService("webhook destination", true)
	w := developer.DestinationWrite{Partner: "webhook", RemoveUnsentSecrets: true, Spec: developer.DestinationSpec{DisplayName: "hook", Config: map[string]json.RawMessage{
		"url": json.RawMessage(`"https://hooks.example.com/a"`), "auth_token": json.RawMessage(`"token-1"`),
	}}}
	d, found := service.Create(t.Context(), w)
	if found.HasError() {
		t.Fatal(found)
	}
	w.Spec.Config = map[string]json.RawMessage{"url": json.RawMessage(`"https://hooks.example.com/a"`)}
	if _, found := service.Update(t.Context(), d.ID, d.Version, w); found.HasError() {
		t.Fatal(found)
	}
	if len(patches) != 1 {
		t.Fatalf("%d updates sent, want 1", len(patches))
	}
	sent, _ := patches[0]["config"].(map[string]any)
	if v, ok := sent["auth_token"]; !ok || v != nil {
		t.Errorf("the update sent config %v, want auth_token: null", sent)
	}
	if _, kept := w.Spec.Config["auth_token"]; kept {
		t.Error("the service changed the caller's config")
	}
}

// Disabling is the delete: it warns that the destination stays, and a
// destination already gone needs nothing.
func TestServiceDisablesInsteadOfDeleting(t *testing.T) {
	f := newFixture(t, adminToken)
	service := f.client.DestinationService("Braze destination", true)
	d := f.create(t, "to disable", stream("Purchase"))
	found := service.Disable(t.Context(), d.ID)
	if len(found) != 1 || !found[0].Warning || !strings.Contains(found[0].Detail, "stays in Amplitude") {
		t.Errorf("disable: %+v", found)
	}
	if found := service.Disable(t.Context(), "5f2d7c1e-9a4b-4c3d-8e2f-1a2b3c4d5e6f"); len(found) != 0 {
		t.Errorf("disabling a destination that does not exist: %+v", found)
	}
}
