package amplitude

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

var (
	_ action.ActionWithConfigure  = (*destinationTestAction)(nil)
	_ action.ActionWithModifyPlan = (*destinationTestAction)(nil)
)

// NewDestinationTestAction is the amplitude_destination_test action.
func NewDestinationTestAction() action.Action { return &destinationTestAction{} }

type destinationTestAction struct {
	client *developer.Client
}

type destinationTestModel struct {
	DestinationID types.String `tfsdk:"destination_id"`
}

// destinationIDShape refuses an id that does not have the shape of the ids
// Amplitude assigns (see objectID), because the id is joined into request
// paths.
var destinationIDShape = stringvalidator.RegexMatches(objectID,
	`must be an Amplitude destination id: 1 to 128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit`)

func (a *destinationTestAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_destination_test"
}

func (a *destinationTestAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Runs Amplitude's test of an event-streaming destination's connection to its partner: for a Braze event stream, " +
			"whether Braze takes the REST API key the destination holds. It calls the Developer API's `POST /v1/projects/{project_id}/destinations/{id}/test` " +
			"(scope `destinations:write`, after reading the destination with `destinations:read`), reports Amplitude's result as progress " +
			"(passed or failed, Amplitude's detail, and the example payload it would send to the partner), " +
			"and fails with an error naming the destination when the test fails or the destination does not exist. The test changes nothing in Amplitude or Braze.\n\n" +
			"Only event streams can be tested (kind `event` or `identify`: an `amplitude_braze_destination`, or an `amplitude_destination` of those kinds). " +
			"Amplitude's test is for event streams alone, so a cohort destination (`amplitude_braze_cohort_destination`) is refused, naming its kind, without asking for a test.\n\n" +
			"Actions need Terraform 1.14 or later; OpenTofu has none. Trigger it from a destination's `lifecycle { action_trigger { … } }` after create and update, " +
			"so that an apply which sets a key Braze refuses fails, or run it alone with `terraform apply -invoke=action.amplitude_destination_test.NAME`.",
		Attributes: map[string]schema.Attribute{
			"destination_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The id of the event-streaming destination to test: the `id` of an `amplitude_braze_destination`, " +
					"or of an `amplitude_destination` of kind `event` or `identify`.",
				Validators: []validator.String{destinationIDShape},
			},
		},
	}
}

func (a *destinationTestAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.client, _ = developerFor(req.ProviderData, "amplitude_destination_test", &resp.Diagnostics)
}

// ModifyPlan checks destination_id's shape again, now that its value is
// known. Terraform validates an action's configuration before the values of
// variables and of the triggering resource are known, and does not validate
// it again at plan or apply. ModifyPlan runs there, with the values known.
func (a *destinationTestAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	var config destinationTestModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var check validator.StringResponse
	destinationIDShape.ValidateString(ctx, validator.StringRequest{Path: path.Root("destination_id"), ConfigValue: config.DestinationID}, &check)
	resp.Diagnostics.Append(check.Diagnostics...)
}

func (a *destinationTestAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var config destinationTestModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := config.DestinationID.ValueString()

	// Read the destination first, for two reasons. Its name makes every
	// message below recognisable. And a cohort destination must be refused
	// before the test, because Amplitude documents no answer to a test of
	// one.
	d, err := a.client.GetDestination(ctx, id)
	if err != nil {
		a.addCallError(resp, id, err)
		return
	}
	name := fmt.Sprintf("%q (%s)", d.DisplayName, d.ID)
	if !developer.IsEventStreaming(d.Kind) {
		resp.Diagnostics.AddAttributeError(path.Root("destination_id"), "Not an event-streaming destination",
			fmt.Sprintf("Amplitude destination %s is a %s destination, not an event stream: Amplitude's connection test is for event streams only "+
				"(kind event or identify). No test was sent.", name, strings.Join(d.Kind, ", ")))
		return
	}
	resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf("Testing Amplitude destination %s, partner %s", name, d.Partner)})

	result, err := a.client.TestDestination(ctx, id)
	if err != nil {
		a.addCallError(resp, id, err)
		return
	}
	resp.SendProgress(action.InvokeProgressEvent{Message: testReport(name, result)})
	if !result.OK {
		resp.Diagnostics.AddError("Amplitude destination test failed",
			fmt.Sprintf("Amplitude's test of destination %s failed: %s. Amplitude reported its credential_status as %q. %s",
				name, testDetail(result), d.CredentialStatus, credentialHint(d.Partner)))
	}
}

// addCallError reports a destination that Amplitude does not have, or any
// other refusal, naming the destination by the id the configuration gave.
func (a *destinationTestAction) addCallError(resp *action.InvokeResponse, id string, err error) {
	if developer.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("destination_id"), "Amplitude destination not found",
			fmt.Sprintf("Amplitude project %s has no destination %s to test: it may have been removed in Amplitude's dashboard, "+
				"or destination_id is not the id of a destination of this project.", a.client.ProjectID(), id))
		return
	}
	resp.Diagnostics.AddError("Cannot test the Amplitude destination", fmt.Sprintf("Testing destination %s: %v", id, err))
}

// testReport writes Amplitude's result as a progress line. For a passed test
// it adds the example payload Amplitude would send, which shows how the
// destination maps users.
func testReport(name string, result *developer.TestResult) string {
	if !result.OK {
		return fmt.Sprintf("Amplitude destination %s: test failed: %s", name, testDetail(result))
	}
	report := fmt.Sprintf("Amplitude destination %s: test passed", name)
	if result.Detail != nil && *result.Detail != "" {
		report += ": " + *result.Detail
	}
	var payload bytes.Buffer
	if json.Compact(&payload, result.ExamplePayload) == nil && payload.String() != "null" {
		report += "; example payload: " + payload.String()
	}
	return report
}

func testDetail(result *developer.TestResult) string {
	if result.Detail == nil || *result.Detail == "" {
		return "Amplitude gave no detail"
	}
	return *result.Detail
}

// credentialHint tells the user how to make a refused destination work
// again. The provider knows what Braze's credential needs; for any other
// partner it points at secret_config.
func credentialHint(partner string) string {
	if partner == developer.PartnerBraze {
		return "A Braze event stream needs a Braze REST API key that exists, holds the users.track permission and, if it lists allowed IPs, " +
			"admits Amplitude's egress IPs (provider::amplitude::egress_ips): create one in Braze and set it in braze_api_key " +
			"(or braze_api_key_wo with a new braze_api_key_wo_version)."
	}
	return "Check the destination's credentials in its secret_config."
}
