package amplitude

import (
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
)

// Every struct the client decodes an answer into reads fields that
// api/amplitude-basic.openapi.yaml names, and a sync as the client sends
// it is a SyncWrite. What the client sends, and what the sandbox answers,
// the sandbox fixture checks on the wire. (errorBody also reads an
// "error" member, which some Amplitude APIs answer with: a defensive read
// of a shape these endpoints do not use.)
func TestStructsReadTheContractsFields(t *testing.T) {
	for _, c := range []struct {
		v       any
		schemas []string
	}{
		{Cohort{}, []string{"Cohort"}},
		{CohortSyncMetadata{}, []string{"CohortSyncMetadata"}},
		{DeliveryMetrics{}, []string{"DeliveryMetrics"}},
		{envelope[Sync]{}, []string{"SyncEnvelope", "SyncList"}},
		{Sync{}, []string{"Sync"}},
		{Sync{}, []string{"SyncWrite"}},
	} {
		contract.CheckFields(t, api.AmplitudeBasic, c.v, c.schemas...)
	}
}
