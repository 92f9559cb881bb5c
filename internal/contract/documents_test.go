package contract

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// Each document loads and is a valid OpenAPI document (kin-openapi's
// loader and Validate), and routes.
func TestDocumentsAreValid(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(sources) {
		t.Fatalf("%d documents, want %d", len(docs), len(sources))
	}
	for _, d := range docs {
		if d.Spec.Paths.Len() == 0 {
			t.Errorf("%s has no paths", d.Name)
		}
	}
}

// Every operation has an id to be named by, and declares what the
// sandbox's pipeline in front of any operation may answer: 401, 429 and a
// server failure. Every error answer has the API's one error shape.
func TestOperationsAreComplete(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		ids := map[string]bool{}
		for path, item := range d.Spec.Paths.Map() {
			for method, op := range item.Operations() {
				where := d.Name + " " + method + " " + path
				if op.OperationID == "" || ids[op.OperationID] {
					t.Errorf("%s: operationId %q is missing or taken", where, op.OperationID)
				}
				ids[op.OperationID] = true
				for _, status := range []string{"401", "429", "5XX"} {
					if op.Responses.Value(status) == nil {
						t.Errorf("%s declares no %s", where, status)
					}
				}
				// The sandbox authorizes each operation by what it names.
				if guard := map[string]string{"/developer-api": "x-required-scopes", "/braze": "x-required-permission"}[d.Prefix]; guard != "" && op.Extensions[guard] == nil {
					t.Errorf("%s names no %s", where, guard)
				}
				for status, response := range op.Responses.Map() {
					if status[0] != '4' && status[0] != '5' {
						continue
					}
					checkErrorResponse(t, d, where+" "+status, response)
				}
			}
		}
	}
}

func checkErrorResponse(t *testing.T, d *Document, where string, response *openapi3.ResponseRef) {
	t.Helper()
	content := response.Value.Content
	if got := slices.Collect(maps.Keys(content)); len(got) != 1 || got[0] != d.errorMediaType {
		t.Errorf("%s: answers %v, want %s alone", where, got, d.errorMediaType)
		return
	}
	if schema := content[d.errorMediaType].Schema; schema.Value != d.errorSchema.Value {
		t.Errorf("%s: the body is %q, not the API's error schema", where, schema.Ref)
	}
}

// The Braze document's hosts are the instances the providers offer.
func TestBrazeHostsAreTheInstances(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	var braze *Document
	for _, d := range docs {
		if d.Prefix == "/braze" {
			braze = d
		}
	}
	var want []string
	for _, endpoint := range facts.BrazeInstances {
		want = append(want, strings.TrimPrefix(endpoint, "https://"))
	}
	slices.Sort(want)
	got := slices.Sorted(slices.Values(braze.Spec.Servers[0].Variables["instance"].Enum))
	if !slices.Equal(got, want) {
		t.Errorf("%s lists the hosts %v; internal/facts has %v", braze.Name, got, want)
	}
}
