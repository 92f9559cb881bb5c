package braze

import (
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
)

// Every struct the client decodes an answer into, or sends, has the fields
// api/braze.openapi.yaml names. What the client sends, and what the sandbox
// answers, the sandbox fixture checks on the wire.
func TestStructsReadTheContractsFields(t *testing.T) {
	for _, c := range []struct {
		v       any
		schemas []string
	}{
		// One struct reads a key from each of the three answers.
		{APIKey{}, []string{"APIKey", "CreatedAPIKey", "APIKeyWithLastSeen"}},
		{NewAPIKey{}, []string{"APIKeyCreate"}},
		{CustomAttribute{}, []string{"CustomAttribute"}},
		{CustomEvent{}, []string{"CustomEvent"}},
		{Segment{}, []string{"Segment"}},
	} {
		contract.CheckFields(t, api.Braze, c.v, c.schemas...)
	}
}
