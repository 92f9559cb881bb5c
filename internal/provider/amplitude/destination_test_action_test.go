package amplitude_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude"
)

// The amplitude_destination_test action, run by the real CLI: invoked on
// destinations made out of band (testdata/destination_test_action/invoked),
// and triggered after create and update by the destination of its example.

const (
	invokedConfig = "testdata/destination_test_action/invoked"
	testRoute     = "POST /developer-api/v1/projects/{project_id}/destinations/{id}/test"
	unknownID     = "0b5e2d1c-0000-4000-8000-000000000000"
)

var needsActions = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.Actions)}

// invokeStep applies the invoked configuration on the destination id.
func invokeStep(s *acctest.Sandbox, t *testing.T, id string) resource.TestStep {
	return resource.TestStep{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		ConfigDirectory:          s.Directory(t, invokedConfig),
		ConfigVariables:          config.Variables{"destination_id": config.StringVariable(id)},
	}
}

// checkTestsRun asserts how many destination tests Amplitude has been asked
// for, so that a passing step proves the action ran.
func checkTestsRun(s *acctest.Sandbox, t *testing.T, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := s.Stats(t).Requests.ByRoute[testRoute]; got != want {
			return fmt.Errorf("Amplitude was asked for %d destination tests, want %d", got, want)
		}
		return nil
	}
}

// createBrazeKeyWithID makes a Braze key that Amplitude takes, out of band.
func createBrazeKeyWithID(t *testing.T, s *acctest.Sandbox, name string) *braze.APIKey {
	t.Helper()
	k, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: name, Permissions: []string{"users.track"}})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestAccDestinationTestAction_passes(t *testing.T) {
	s := acctest.NewSandbox(t)
	stream := createEventStream(t, s, "connected-stream")
	step := invokeStep(s, t, stream.ID)
	step.Check = checkTestsRun(s, t, 1)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsActions,
		Steps:                  []resource.TestStep{step},
	})
}

// A Braze key deleted in Braze, as someone in Braze's dashboard would, fails
// the test: Amplitude answers ok false with Braze's refusal.
func TestAccDestinationTestAction_failsWhenTheBrazeKeyIsDeleted(t *testing.T) {
	s := acctest.NewSandbox(t)
	key := createBrazeKeyWithID(t, s, "deleted-key")
	stream := createEventStreamWithKey(t, s, "stream-of-a-deleted-key", key.Key)
	if err := s.Braze().DeleteAPIKey(context.Background(), key.ID); err != nil {
		t.Fatal(err)
	}
	step := invokeStep(s, t, stream.ID)
	step.ExpectError = acctest.ErrorMatching(fmt.Sprintf(`Error: Amplitude destination test failed .* Amplitude's test of destination "stream-of-a-deleted-key" \(%s\) failed: Braze rejected the API key: it does not exist\. .* credential_status as "disconnected"`, stream.ID))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsActions,
		Steps:                  []resource.TestStep{step},
	})
}

func TestAccDestinationTestAction_unknownDestination(t *testing.T) {
	s := acctest.NewSandbox(t)
	step := invokeStep(s, t, unknownID)
	step.ExpectError = acctest.ErrorMatching(`Error: Amplitude destination not found .* Amplitude project 424242 has no destination ` + unknownID + ` to test`)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsActions,
		Steps:                  []resource.TestStep{step},
	})
}

// A cohort destination is refused before the test is asked for: Amplitude
// documents the test for event streams only.
func TestAccDestinationTestAction_cohortDestination(t *testing.T) {
	s := acctest.NewSandbox(t)
	cohorts, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeCohort{
		Endpoint: acctest.BrazeEndpoint, DataImportKey: acctest.BrazeDataImportKey,
		IdentifierMappings: []developer.IdentifierMapping{{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"}},
	}.Spec("cohorts"))
	if err != nil {
		t.Fatal(err)
	}
	step := invokeStep(s, t, cohorts.ID)
	step.ExpectError = acctest.ErrorMatching(`Error: Not an event-streaming destination .* destination "cohorts" \(` + cohorts.ID + `\) is a cohort destination, not an event stream: Amplitude's connection test is for event streams only`)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsActions,
		Steps:                  []resource.TestStep{step},
	})
	if got := s.Stats(t).Requests.ByRoute[testRoute]; got != 0 {
		t.Errorf("Amplitude was asked for %d tests of a cohort destination", got)
	}
}

// The example's destination runs the test after it is created and after
// each update, here a rotation to another Braze key.
func TestAccDestinationTestAction_example(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/actions/amplitude_destination_test", nil,
		[]tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ActionCaller)})
	created := tc.Steps[0]
	created.ConfigVariables = config.Variables{"braze_rest_api_key": config.StringVariable(createBrazeKeyWithID(t, s, "rotated-from").Key)}
	created.Check = checkTestsRun(s, t, 1)
	updated := created
	updated.ConfigVariables = config.Variables{"braze_rest_api_key": config.StringVariable(createBrazeKeyWithID(t, s, "rotated-to").Key)}
	updated.Check = checkTestsRun(s, t, 2)
	tc.Steps = []resource.TestStep{created, updated}
	resource.ParallelTest(t, tc)
}

// Leaving out the destination fails at validate, with Terraform's own
// error for a required argument, which names the attribute.
func TestAccDestinationTestAction_withoutDestinationID(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsActions,
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/destination_test_action/without_destination_id"),
			ExpectError:              acctest.ErrorMatching(`The argument "destination_id" is required, but no definition was found`),
		}},
	})
}

// An id that could walk the API's paths, given by a variable, is refused at
// plan (Terraform validates the action before it knows variables), before
// any request about destinations.
func TestAccDestinationTestAction_invalidDestinationID(t *testing.T) {
	s := acctest.NewSandbox(t)
	step := invokeStep(s, t, "../projects")
	step.ExpectError = acctest.ErrorMatching(`Attribute destination_id must be an Amplitude destination id: 1 to 128 letters, digits, "\.", "_", ":" or "-", starting with a letter or digit, got: \.\./projects`)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsActions,
		Steps:                  []resource.TestStep{step},
	})
	for route, count := range s.Stats(t).Requests.ByRoute {
		if strings.Contains(route, "/destinations") {
			t.Errorf("an invalid destination id reached Amplitude: %s %d times", route, count)
		}
	}
}

// TestAccDestinationTestAction_needsNewCLI pins what a user of a CLI
// without actions sees. The configuration has no provider block, so that the
// providers are the test case's and the CLI's refusal comes at plan, where
// the testing framework compares it; with a provider block it would come at
// init, which fails a test outright.
func TestAccDestinationTestAction_needsNewCLI(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipWith(acctest.Actions)},
		Steps: []resource.TestStep{
			{
				ConfigDirectory: config.StaticDirectory(invokedConfig),
				ConfigVariables: config.Variables{"destination_id": config.StringVariable(unknownID)},
				ExpectError:     acctest.ErrorMatching(`Error: Unsupported block type .* Blocks of type "(action|action_trigger)" are not expected here`),
			},
			// The harness reads the state through the last step's
			// configuration when the test ends, so that one must parse.
			{ConfigDirectory: s.Directory(t, "testdata/empty")},
		},
	})
}

// The progress Terraform shows while the action runs, read from the
// provider's protocol server as Terraform reads it: Amplitude's result, and
// the error that follows a failed test.
func TestDestinationTestAction_progress(t *testing.T) {
	s := acctest.NewSandbox(t)
	connected := createEventStream(t, s, "connected")
	key := createBrazeKeyWithID(t, s, "soon-deleted")
	refused := createEventStreamWithKey(t, s, "refused", key.Key)
	if err := s.Braze().DeleteAPIKey(context.Background(), key.ID); err != nil {
		t.Fatal(err)
	}

	progress, diags := invokeDestinationTest(t, s, connected.ID)
	want := []string{
		fmt.Sprintf(`Testing Amplitude destination "connected" (%s), partner braze`, connected.ID),
		fmt.Sprintf(`Amplitude destination "connected" (%s): test passed; example payload: {"events":[{"external_id":"amplitude-test-user","name":"Amplitude Test Event","time":`, connected.ID),
	}
	if len(progress) != 2 || progress[0] != want[0] || !strings.HasPrefix(progress[1], want[1]) || len(diags) != 0 {
		t.Errorf("a connected stream: progress %q, diagnostics %v; want %q…", progress, diags, want)
	}

	progress, diags = invokeDestinationTest(t, s, refused.ID)
	failed := fmt.Sprintf(`Amplitude destination "refused" (%s): test failed: Braze rejected the API key: it does not exist`, refused.ID)
	if len(progress) != 2 || progress[1] != failed || len(diags) != 1 || diags[0].Summary != "Amplitude destination test failed" {
		t.Errorf("a refused key: progress %q, diagnostics %v; want %q and the error", progress, diags, failed)
	}
}

// invokeDestinationTest serves the amplitude provider in-process, configures
// it for s and invokes the action on id, as Terraform does over the plugin
// protocol: the progress messages and the closing diagnostics.
func invokeDestinationTest(t *testing.T, s *acctest.Sandbox, id string) (progress []string, diags []*tfprotov6.Diagnostic) {
	t.Helper()
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(amplitude.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	providerConfig := dynamicValue(t, schemas.Provider, map[string]string{
		"access_token": acctest.DeveloperToken, "project_id": acctest.ProjectID, "developer_api_url": s.DeveloperURL,
	})
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: providerConfig})
	if err != nil || len(configured.Diagnostics) > 0 {
		t.Fatalf("configure: %v %v", err, configured.Diagnostics)
	}
	actions, ok := server.(tfprotov6.ActionServer)
	if !ok {
		t.Fatalf("the provider server %T serves no actions", server)
	}
	stream, err := actions.InvokeAction(ctx, &tfprotov6.InvokeActionRequest{
		ActionType: "amplitude_destination_test",
		Config:     dynamicValue(t, schemas.ActionSchemas["amplitude_destination_test"].Schema, map[string]string{"destination_id": id}),
	})
	if err != nil {
		t.Fatal(err)
	}
	for event := range stream.Events {
		switch e := event.Type.(type) {
		case tfprotov6.ProgressInvokeActionEventType:
			progress = append(progress, e.Message)
		case tfprotov6.CompletedInvokeActionEventType:
			diags = e.Diagnostics
		}
	}
	return progress, diags
}

// dynamicValue encodes an object of schema with the string attributes set,
// every other attribute null.
func dynamicValue(t *testing.T, schema *tfprotov6.Schema, set map[string]string) *tfprotov6.DynamicValue {
	t.Helper()
	attributes := map[string]tftypes.Value{}
	for _, a := range schema.Block.Attributes {
		attributes[a.Name] = tftypes.NewValue(a.ValueType(), nil)
		if v, ok := set[a.Name]; ok {
			attributes[a.Name] = tftypes.NewValue(tftypes.String, v)
		}
	}
	objectType := schema.ValueType()
	value, err := tfprotov6.NewDynamicValue(objectType, tftypes.NewValue(objectType, attributes))
	if err != nil {
		t.Fatal(err)
	}
	return &value
}
