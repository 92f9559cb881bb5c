package sandbox_test

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// Stats' typed object counts are the vendor packages' counts: every kind
// they count has a field, under the same JSON name, with the same number.
func TestStatsCountEveryKind(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	req := httptest.NewRequest(http.MethodGet, "/_sandbox/stats", nil)
	req.Host = "127.0.0.1"
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	var served struct {
		Objects map[string]int `json:"objects"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &served); err != nil {
		t.Fatalf("GET /_sandbox/stats: %v: %s", err, rec.Body)
	}
	typed, err := json.Marshal(s.Stats().Objects)
	if err != nil {
		t.Fatal(err)
	}
	var counts map[string]int
	if err := json.Unmarshal(typed, &counts); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(counts, served.Objects) {
		t.Errorf("Stats().Objects is %v; the vendor packages count %v", counts, served.Objects)
	}
}

// A contradiction the sandbox does not know is refused with the valid
// ones, so a typo in SANDBOX_CONTRADICT cannot leave every point modelled.
func TestOpenRefusesAnUnknownContradiction(t *testing.T) {
	_, err := sandbox.Open(sandbox.Options{Contradict: "create-existing-name-200"})
	if err == nil || !strings.Contains(err.Error(), "create-existing-plan-name-200") {
		t.Fatalf("Open with an unknown contradiction: %v; want a refusal naming the valid settings", err)
	}
}
