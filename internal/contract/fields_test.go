package contract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
)

type fieldReports struct {
	testing.TB
	lines []string
}

func (r *fieldReports) Errorf(format string, args ...any) {
	r.lines = append(r.lines, fmt.Sprintf(format, args...))
}

func TestCheckFieldsNamesARenamedField(t *testing.T) {
	type inner struct {
		Name string `json:"name"`
	}
	type segment struct {
		inner
		ID       string `json:"id"`
		Tags     []string
		Tracking bool `json:"analyticsTrackingEnabled,omitempty"`
		ignored  bool
		Skipped  bool `json:"-"`
	}
	_ = segment{}.ignored
	r := &fieldReports{TB: t}
	CheckFields(r, api.Braze, segment{}, "Segment")
	got := strings.Join(r.lines, "\n")
	for _, want := range []string{
		`contract api/braze.openapi.yaml: contract.segment.Tags reads the JSON field "Tags", which Segment does not have`,
		`contract.segment.Tracking reads the JSON field "analyticsTrackingEnabled"`,
		"(it has analytics_tracking_enabled, id, name, tags)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("reports:\n%s\nwant one with %q", got, want)
		}
	}
	if len(r.lines) != 2 {
		t.Errorf("%d reports, want 2: %q", len(r.lines), r.lines)
	}
}
