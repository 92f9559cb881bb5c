package braze

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

var _ function.Function = restEndpointFunction{}

// NewRESTEndpointFunction is provider::braze::rest_endpoint.
func NewRESTEndpointFunction() function.Function { return restEndpointFunction{} }

type restEndpointFunction struct{}

func (restEndpointFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "rest_endpoint"
}

func (restEndpointFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The REST endpoint of a Braze instance",
		MarkdownDescription: "Returns the REST endpoint of a Braze instance, as listed on braze.com/docs/api/basics: " +
			"`rest_endpoint(\"US-05\")` is `\"https://rest.iad-05.braze.com\"`. The instance name is case-insensitive; valid names are " +
			strings.Join(facts.BrazeInstanceNames(), ", ") + ".",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "instance",
				MarkdownDescription: "The Braze instance, such as `US-05` or `EU-01`, shown in your dashboard's URL and under Settings › APIs and Identifiers.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (restEndpointFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var instance string
	resp.Error = req.Arguments.Get(ctx, &instance)
	if resp.Error != nil {
		return
	}
	endpoint, err := lookupInstance(instance)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, endpoint)
}

// lookupInstance maps an instance name, in any case and with surrounding
// spaces, to its REST endpoint.
func lookupInstance(instance string) (string, error) {
	endpoint, ok := facts.BrazeInstances[strings.ToUpper(strings.TrimSpace(instance))]
	if !ok {
		return "", fmt.Errorf("unknown Braze instance %q; valid instances are %s", instance, strings.Join(facts.BrazeInstanceNames(), ", "))
	}
	return endpoint, nil
}
