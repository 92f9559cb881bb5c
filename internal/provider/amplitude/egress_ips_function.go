package amplitude

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

var _ function.Function = egressIPsFunction{}

// NewEgressIPsFunction is provider::amplitude::egress_ips.
func NewEgressIPsFunction() function.Function { return egressIPsFunction{} }

type egressIPsFunction struct{}

func (egressIPsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "egress_ips"
}

func (egressIPsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The IP addresses Amplitude streams from",
		MarkdownDescription: "Returns the addresses Amplitude's event streaming sends from in a data region, `US` or `EU` (case-insensitive), " +
			"as listed on amplitude.com/docs/data/destination-event-streaming-overview: for `braze_api_key.allowed_ips` on the key Amplitude uses.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "region", MarkdownDescription: "The Amplitude project's data region: `US` or `EU`."},
		},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (egressIPsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var region string
	if resp.Error = req.Arguments.Get(ctx, &region); resp.Error != nil {
		return
	}
	canonical, err := facts.CanonicalAmplitudeRegion(region)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, slices.Clone(facts.AmplitudeEgressIPs[canonical]))
}
