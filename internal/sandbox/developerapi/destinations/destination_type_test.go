package destinations_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
)

type destinationType struct {
	ID          string   `json:"id"`
	Object      string   `json:"object"`
	Partner     string   `json:"partner"`
	DisplayName string   `json:"display_name"`
	Types       []string `json:"types"`
	Parameters  []struct {
		ID          string   `json:"id"`
		Label       string   `json:"label"`
		Kind        string   `json:"kind"`
		Required    bool     `json:"required"`
		Description string   `json:"description"`
		EnumValues  []string `json:"enum_values"`
		WriteOnly   *bool    `json:"write_only"`
	} `json:"parameters"`
}

func (f *fixture) destinationType(partner string) destinationType {
	f.T.Helper()
	r := f.Developer("GET", "/v1/destination-types/"+partner, nil)
	r.WantStatus(f.T, http.StatusOK)
	var body struct{ Data destinationType }
	r.Decode(f.T, &body)
	return body.Data
}

// The braze partner publishes the parameters of
// api/amplitude-developer.openapi.yaml: what the providers map, so that they
// can check it before any write.
func TestDestinationTypeBraze(t *testing.T) {
	got := start(t).destinationType("braze")
	if got.ID != "braze" || got.Object != "destination_type" || got.Partner != "braze" || got.DisplayName != "Braze" ||
		strings.Join(got.Types, ",") != "event,identify,cohort" {
		t.Errorf("braze %+v", got)
	}
	want := []struct {
		id, kind  string
		required  bool
		writeOnly bool
		mentions  string
	}{
		{"api_endpoint", "enum", true, false, ""},
		{"api_key", "secret", false, true, "Required for event and identify"},
		{"app_id", "string", false, false, "Required for event and identify"},
		{"user_alias_label", "string", false, false, "when a mapping uses user_alias"},
		{"update_users_only", "boolean", false, false, "false when not set"},
		{"user_id_mapping", "mapped_field", false, false, "external_id|braze_id|user_alias|email"},
		{"data_import_key", "secret", false, true, "Required for cohort"},
		{"identifier_mappings", "mapped_field", false, false, "external_id|device_id|user_alias"},
	}
	if len(got.Parameters) != len(want) {
		t.Fatalf("%d parameters, want %d: %+v", len(got.Parameters), len(want), got.Parameters)
	}
	for i, w := range want {
		p := got.Parameters[i]
		if p.ID != w.id || p.Kind != w.kind || p.Required != w.required || p.WriteOnly == nil || *p.WriteOnly != w.writeOnly ||
			p.Label == "" || !strings.Contains(p.Description, w.mentions) {
			t.Errorf("parameter %d: %+v, want %+v", i, p, w)
		}
		if (p.EnumValues != nil) != (p.Kind == "enum") {
			t.Errorf("%s: enum_values %v for kind %s", p.ID, p.EnumValues, p.Kind)
		}
	}
	endpoints := got.Parameters[0].EnumValues
	if len(endpoints) != len(brazeapi.Instances) || !slices.Contains(endpoints, "https://rest.iad-05.braze.com") ||
		!slices.Contains(endpoints, "https://rest.fra-02.braze.eu") {
		t.Errorf("api_endpoint enum %v", endpoints)
	}
}

func TestDestinationTypeWebhook(t *testing.T) {
	got := start(t).destinationType("webhook")
	if strings.Join(got.Types, ",") != "event" || got.DisplayName != "Webhook" {
		t.Errorf("webhook %+v", got)
	}
	var params []string
	for _, p := range got.Parameters {
		params = append(params, p.ID+":"+p.Kind)
	}
	if strings.Join(params, " ") != "url:string headers:http_headers auth_token:secret batch_size:number format:enum" {
		t.Errorf("parameters %v", params)
	}
	if !got.Parameters[0].Required || got.Parameters[3].Required || strings.Join(got.Parameters[4].EnumValues, ",") != "json,ndjson" ||
		!*got.Parameters[2].WriteOnly {
		t.Errorf("parameters %+v", got.Parameters)
	}
}

func TestDestinationTypesList(t *testing.T) {
	f := start(t)
	all := f.Developer("GET", "/v1/destination-types", nil).Page(t)
	if len(all.Data) != 2 || all.Data[0]["partner"] != "braze" || all.Data[1]["partner"] != "webhook" || all.Pagination.HasMore {
		t.Fatalf("destination types %+v", all)
	}
	first := f.Developer("GET", "/v1/destination-types?limit=1", nil).Page(t)
	if len(first.Data) != 1 || first.Data[0]["partner"] != "braze" || !first.Pagination.HasMore {
		t.Fatalf("first page %+v", first)
	}
	second := f.Developer("GET", "/v1/destination-types?limit=1&cursor="+*first.Pagination.NextCursor, nil).Page(t)
	if len(second.Data) != 1 || second.Data[0]["partner"] != "webhook" || second.Pagination.HasMore {
		t.Fatalf("second page %+v", second)
	}
	f.Developer("GET", "/v1/destination-types/kinesis_datastream", nil).WantProblem(t, http.StatusNotFound, "not_found", "the partners are braze, webhook")
}
