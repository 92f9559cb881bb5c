package amplitude_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// Each destination resource imported by identity ({project_id, id}) from
// an import block, as terraform query's generated configuration does, of a
// destination made out of band. The configuration adds only the secret, in
// its write-only form: the import plan updates the destination to send it
// (its version goes from nothing to 1), and the plan after is empty.

var needsIdentity = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ResourceIdentity), acctest.SkipWithout(acctest.WriteOnlyAttributes)}

func createCohortDestination(t *testing.T, s *acctest.Sandbox, name string) *developer.Destination {
	t.Helper()
	d, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeCohort{
		Endpoint: acctest.BrazeEndpoint, DataImportKey: acctest.BrazeDataImportKey,
		IdentifierMappings: []developer.IdentifierMapping{{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"}},
	}.Spec(name))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// identityImportCase is the test of importing the destination id as
// address from the configuration in dir, with vars.
func identityImportCase(t *testing.T, s *acctest.Sandbox, dir, address, id string, vars config.Variables) resource.TestCase {
	t.Helper()
	vars["destination_id"] = config.StringVariable(id)
	return resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, dir),
			ConfigVariables:          vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(address, map[string]knownvalue.Check{
					"project_id": knownvalue.StringExact(acctest.ProjectID),
					"id":         knownvalue.StringExact(id),
				}),
				statecheck.ExpectKnownValue(address, tfjsonpath.New("id"), knownvalue.StringExact(id)),
			},
		}},
	}
}

func TestAccDestinationIdentity_brazeDestination(t *testing.T) {
	s := acctest.NewSandbox(t)
	stream := createEventStream(t, s, "adopted-stream")
	resource.ParallelTest(t, identityImportCase(t, s, "testdata/destination_identity/braze_destination", "amplitude_braze_destination.adopted", stream.ID,
		config.Variables{}))
}

// The project left out of the identity is the provider's.
func TestAccDestinationIdentity_brazeCohortDestination(t *testing.T) {
	s := acctest.NewSandbox(t)
	cohorts := createCohortDestination(t, s, "adopted-cohorts")
	resource.ParallelTest(t, identityImportCase(t, s, "testdata/destination_identity/braze_cohort_destination", "amplitude_braze_cohort_destination.adopted", cohorts.ID,
		config.Variables{"project_id": config.StringVariable(acctest.ProjectID)}))
}

func TestAccDestinationIdentity_destination(t *testing.T) {
	s := acctest.NewSandbox(t)
	stream := createEventStream(t, s, "adopted-generic")
	resource.ParallelTest(t, identityImportCase(t, s, "testdata/destination_identity/destination", "amplitude_destination.adopted", stream.ID,
		config.Variables{"project_id": config.StringVariable(acctest.ProjectID)}))
}

// An identity naming another project than the provider's is refused,
// naming both projects, before anything is read or written.
func TestAccDestinationIdentity_otherProject(t *testing.T) {
	s := acctest.NewSandbox(t)
	stream := createEventStream(t, s, "adopted-stream")
	before := s.Stats(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/destination_identity/braze_destination"),
			ConfigVariables: config.Variables{
				"destination_id": config.StringVariable(stream.ID),
				"project_id":     config.StringVariable("777"),
			},
			ExpectError: acctest.ErrorMatching(`Identity of another Amplitude project.*project_id: the identity names Amplitude project "777", and this amplitude provider works on project "` + acctest.ProjectID + `"`),
		}},
	})
	if after := s.Stats(t); after.Writes() != before.Writes() {
		t.Errorf("%d writes after a refused import", after.Writes()-before.Writes())
	}
}

// A destination Terraform creates carries its identity in state, and the
// testing framework's import by that identity (an import block it writes
// from state) finds the same destination. The imported state holds no
// key version, so the import plan sends the configured key once.
func TestAccDestinationIdentity_createdThenImported(t *testing.T) {
	s := acctest.NewSandbox(t)
	const address = "amplitude_braze_destination.created"
	created := resource.TestStep{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		ConfigDirectory:          s.Directory(t, "testdata/destination_identity/created"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectIdentityValue(address, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.ProjectID)),
			statecheck.ExpectIdentityValueMatchesState(address, tfjsonpath.New("id")),
		},
	}
	imported := created
	imported.ConfigStateChecks = nil
	imported.ImportState = true
	imported.ImportStateKind = resource.ImportBlockWithResourceIdentity
	imported.ResourceName = address
	imported.ExpectNonEmptyPlan = true
	imported.ImportPlanChecks.PreApply = []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps:                  []resource.TestStep{created, imported},
	})
}
