package developer

import (
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
)

// Every struct the client decodes an answer into reads fields that
// api/amplitude-developer.openapi.yaml names. What the client sends, and
// what the sandbox answers, the sandbox fixture checks on the wire.
func TestStructsReadTheContractsFields(t *testing.T) {
	for _, c := range []struct {
		v       any
		schemas []string
	}{
		{envelope[TokenContext]{}, []string{"ContextEnvelope"}},
		{TokenContext{}, []string{"Context"}},
		{Principal{}, []string{"Principal"}},
		{Org{}, []string{"Org"}},
		{page[Project]{}, []string{"ProjectList"}},
		{page[Project]{}.Pagination, []string{"Pagination"}},
		{Project{}, []string{"Project"}},
		{DestinationType{}, []string{"DestinationType"}},
		{Parameter{}, []string{"DestinationParameter"}},
		{Destination{}, []string{"Destination"}},
		{EventFilter{}, []string{"EventFilter"}},
		{dryRunAnswer{}, []string{"DestinationDryRun"}},
		{Plan{}, []string{"Plan"}},
		{DiffEntry{}, []string{"PlanDiffEntry"}},
		{TestResult{}, []string{"DestinationTestResult"}},
		{Event{}, []string{"Event"}},
		// One struct reads both kinds of property.
		{Property{}, []string{"EventProperty", "UserProperty"}},
		{Problem{}, []string{"Problem"}},
		{FieldError{}, []string{"ValidationError"}},
	} {
		contract.CheckFields(t, api.AmplitudeDeveloper, c.v, c.schemas...)
	}
}
