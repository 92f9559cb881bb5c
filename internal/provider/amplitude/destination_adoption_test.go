package amplitude_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// Adopting destinations made out of band with Terraform 1.14's terraform
// query -generate-config-out, driven with the CLI itself (the testing
// framework has no step for it):
//
//  1. the generated configuration validates as written;
//  2. applying it imports every destination and changes none, and the plan
//     after it is empty: Amplitude never returns the Braze secrets, and an
//     adopted destination left as it is needs none;
//  3. adding only the secret, in its write-only form, plans an update of
//     each Braze destination that changes nothing but the secret's version
//     (the values Amplitude computes on every write aside), and nothing for
//     the webhook;
//  4. after that apply the plan is empty again, and state holds nothing of
//     the secrets.
func TestAccDestinationAdoption_generateConfig(t *testing.T) {
	acctest.SkipUnlessCLIHas(t, acctest.ListResources)
	t.Parallel()
	s := acctest.NewSandbox(t)
	stream, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeStream{
		Endpoint: acctest.BrazeEndpoint, APIKey: acctest.BrazeAdminKey, AppID: acctest.BrazeAppID,
		UserIDMapping: developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
		Events: &developer.BrazeEvents{Events: []string{"Purchase"}, EventProperties: []string{"price"},
			Conditions: []developer.PropertyCondition{{Property: "country", Operator: "is", Values: []string{"US"}}}},
		UserProperties: []string{"plan"},
	}.Spec("Purchases to Braze", true))
	if err != nil {
		t.Fatal(err)
	}
	cohorts := createCohortDestination(t, s, "Cohorts to Braze")
	createWebhook(t, s, "Audit hook")
	cli := s.CLIDir(t, "testdata/destination_adoption")

	before := s.Stats(t)
	cli.Must(t, "query", "-no-color", "-generate-config-out=generated.tf")
	if writes := s.Stats(t).Writes() - before.Writes(); writes != 0 {
		t.Errorf("terraform query sent %d writes", writes)
	}
	cli.Must(t, "validate", "-no-color")
	if out := cli.Must(t, "apply", "-auto-approve", "-no-color"); !strings.Contains(out, "Resources: 3 imported, 0 added, 0 changed, 0 destroyed.") {
		t.Fatalf("applying the generated configuration:\n%s", out)
	}
	expectEmptyPlan(t, cli)

	addSecrets(t, filepath.Join(cli.Dir, "generated.tf"))
	if out, err := cli.Run("plan", "-no-color", "-detailed-exitcode", "-out=secrets.plan"); exitCode(err) != 2 {
		t.Fatalf("plan after adding the secrets: %v, want changes (exit 2)\n%s", err, out)
	}
	changed := changedAttributes(t, cli.Must(t, "show", "-json", "secrets.plan"))
	want := map[string][]string{
		"amplitude_braze_destination.streams_0":        {"braze_api_key_wo_version"},
		"amplitude_braze_cohort_destination.cohorts_0": {"data_import_key_wo_version"},
	}
	if !maps.EqualFunc(changed, want, slices.Equal) {
		t.Errorf("the plan after adding the secrets changes %v, want only the secrets' versions %v", changed, want)
	}
	sent := s.Stats(t)
	cli.Must(t, "apply", "-no-color", "secrets.plan")
	// Each Braze destination: the update that sends its secret, and the dry
	// run of it that the apply's own plan asks Amplitude for.
	if patches := s.Stats(t).Requests.ByMethod["PATCH"] - sent.Requests.ByMethod["PATCH"]; patches != 4 {
		t.Errorf("%d PATCH requests while the secrets were sent, want 2 updates and their 2 dry runs", patches)
	}
	expectEmptyPlan(t, cli)

	state := cli.Must(t, "show", "-json")
	for _, secret := range []string{acctest.BrazeAdminKey, acctest.BrazeDataImportKey} {
		if strings.Contains(state, secret) {
			t.Errorf("state holds the secret %q", secret)
		}
	}
	for _, d := range []*developer.Destination{stream, cohorts} {
		held, err := s.Developer().GetDestination(context.Background(), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if held.CredentialStatus != developer.CredentialConnected {
			t.Errorf("%s after adoption: credential %s, want connected", d.DisplayName, held.CredentialStatus)
		}
	}
}

func expectEmptyPlan(t *testing.T, cli *acctest.CLIDir) {
	t.Helper()
	if out, err := cli.Run("plan", "-no-color", "-detailed-exitcode"); err != nil {
		t.Fatalf("plan: %v, want no changes\n%s", err, out)
	}
}

func exitCode(err error) int {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	return -1
}

// addSecrets does what the adoption guide asks of the user: it sets the
// write-only secret of each Braze destination that terraform query wrote
// as null, and its version to 1. The secrets are the sandbox's, from
// local.sandbox.
func addSecrets(t *testing.T, file string) {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	generated := string(raw)
	for attribute, value := range map[string]string{
		"braze_api_key_wo": "local.sandbox.braze_admin_key", "braze_api_key_wo_version": "1",
		"data_import_key_wo": "local.sandbox.braze_data_import_key", "data_import_key_wo_version": "1",
	} {
		line := regexp.MustCompile(`(?m)^(\s*` + attribute + `\s*=) null.*$`)
		if !line.MatchString(generated) {
			t.Fatalf("generated.tf has no %s = null:\n%s", attribute, generated)
		}
		generated = line.ReplaceAllString(generated, "${1} "+value)
	}
	if err := os.WriteFile(file, []byte(generated), 0o600); err != nil {
		t.Fatal(err)
	}
}

// changedAttributes reads a plan (terraform show -json) and returns, for
// each resource it changes, the attributes whose values the plan sets
// differently from state. Values known only after apply are left out: they
// are the ones Amplitude computes on every write (version, updated_at).
func changedAttributes(t *testing.T, planJSON string) map[string][]string {
	t.Helper()
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Actions []string                   `json:"actions"`
				Before  map[string]json.RawMessage `json:"before"`
				After   map[string]json.RawMessage `json:"after"`
				Unknown map[string]json.RawMessage `json:"after_unknown"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(planJSON), &plan); err != nil {
		t.Fatal(err)
	}
	changed := map[string][]string{}
	for _, rc := range plan.ResourceChanges {
		if slices.Equal(rc.Change.Actions, []string{"no-op"}) {
			continue
		}
		var names []string
		for name, after := range rc.Change.After {
			if string(rc.Change.Unknown[name]) == "true" {
				continue
			}
			if !developer.JSONEqual(rc.Change.Before[name], after) {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		changed[rc.Address] = names
	}
	return changed
}

// A destination adopted without its secret stays as it is with an empty
// plan; a change of it needs the secret, since every write sends it, and is
// refused at plan, naming the attribute, with nothing sent. A new
// destination without its secret is refused at plan too.
func TestAccDestinationAdoption_changeNeedsTheSecret(t *testing.T) {
	s := acctest.NewSandbox(t)
	stream := createEventStream(t, s, "adopted-stream")
	adopted := func(name string) resource.TestStep {
		return resource.TestStep{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/destination_secretless/adopted"),
			ConfigVariables:          config.Variables{"destination_id": config.StringVariable(stream.ID), "name": config.StringVariable(name)},
		}
	}
	kept := adopted("adopted-stream")
	kept.ConfigPlanChecks.PreApply = []plancheck.PlanCheck{plancheck.ExpectResourceAction("amplitude_braze_destination.adopted", plancheck.ResourceActionNoop)}
	renamed := adopted("renamed-stream")
	renamed.ExpectError = acctest.ErrorMatching(`No secret to send with this change .* braze_api_key: no value, and braze_api_key_wo has none either\. Amplitude never returns the secret, and every change of the destination sends it`)
	var writes int
	renamed.PreConfig = func() { writes = s.Stats(t).Writes() }
	created := resource.TestStep{
		PreConfig: func() {
			if got := s.Stats(t).Writes() - writes; got != 0 {
				t.Errorf("%d writes after the refused change", got)
			}
		},
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		ConfigDirectory:          s.Directory(t, "testdata/destination_secretless/created"),
		ExpectError:              acctest.ErrorMatching(`No secret .* braze_api_key: no value, and braze_api_key_wo has none either; set one of them`),
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		// The last step leaves a configuration the harness can destroy with.
		Steps: []resource.TestStep{kept, renamed, created, kept},
	})
}
