package braze_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

// The braze_api_key list resource and identity, run by the real CLI against
// keys made out of band, as someone in Braze's dashboard would make them.

var (
	needsQuery    = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ListResources)}
	needsIdentity = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ResourceIdentity)}
)

// queryConfig is the query file testdata/api_key_list/name after the
// provider blocks (acctest's Query): the testing framework takes a query
// step's configuration as text only.
func queryConfig(t *testing.T, s *acctest.Sandbox, name string) string {
	t.Helper()
	return s.Query(t, filepath.Join("testdata", "api_key_list", name))
}

// createKey makes a key in Braze without Terraform.
func createKey(t *testing.T, s *acctest.Sandbox, name string, permissions ...string) *braze.APIKey {
	t.Helper()
	k, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: name, Permissions: permissions})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// checkNoWrites asserts that Braze has been sent no write since the keys were
// made: a query only reads.
func checkNoWrites(s *acctest.Sandbox, t *testing.T, createsBefore int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		byMethod := s.Stats(t).Requests.ByMethod
		if byMethod["POST"] != createsBefore || byMethod["DELETE"] != 0 {
			return fmt.Errorf("the query wrote to Braze: %d POST (want %d, the test's own creates) and %d DELETE", byMethod["POST"], createsBefore, byMethod["DELETE"])
		}
		return nil
	}
}

func TestAccAPIKeyList_filters(t *testing.T) {
	s := acctest.NewSandbox(t)
	stream := createKey(t, s, "amplitude-stream", "users.track", "users.alias.new")
	cohorts := createKey(t, s, "amplitude-cohorts", "users.export.ids")
	createKey(t, s, "ops-export", "users.track")
	byName := func(name string) queryfilter.QueryFilter {
		return queryfilter.ByDisplayName(knownvalue.StringExact(name))
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   needsQuery,
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Query:  true,
			Config: queryConfig(t, s, "filtered.tfquery.hcl"),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("braze_api_key.amplitude", 2),
				querycheck.ExpectIdentity("braze_api_key.amplitude", map[string]knownvalue.Check{"id": knownvalue.StringExact(stream.ID)}),
				querycheck.ExpectIdentity("braze_api_key.amplitude", map[string]knownvalue.Check{"id": knownvalue.StringExact(cohorts.ID)}),
				querycheck.ExpectResourceDisplayName("braze_api_key.amplitude", byName("amplitude-cohorts"), knownvalue.StringExact("amplitude-cohorts")),
				querycheck.ExpectLength("braze_api_key.streaming", 1),
				querycheck.ExpectResourceKnownValues("braze_api_key.streaming", byName("amplitude-stream"), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(stream.ID)},
					{Path: tfjsonpath.New("permissions"), KnownValue: knownvalue.SetExact([]knownvalue.Check{
						knownvalue.StringExact("users.track"), knownvalue.StringExact("users.alias.new"),
					})},
					{Path: tfjsonpath.New("key"), KnownValue: knownvalue.Null()},
				}),
			},
		}, {
			// A plan of nothing, so that the check below runs after the
			// query: a query step takes no Check.
			ConfigDirectory: s.Directory(t, "testdata/empty"),
			Check:           checkNoWrites(s, t, 3),
		}},
	})
}

func TestAccAPIKeyList_badFilters(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   needsQuery,
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Query:       true,
			Config:      queryConfig(t, s, "unknown_permission.tfquery.hcl"),
			ExpectError: acctest.ErrorMatching(`permission.*"users.trak" is not a Braze REST API key permission; did you mean users.track\?.*provider::braze::permissions\(\) lists every valid one`),
		}, {
			Query:       true,
			Config:      queryConfig(t, s, "empty_prefix.tfquery.hcl"),
			ExpectError: acctest.ErrorMatching(`name_prefix string length must be at least 1`),
		}},
	})
}

// A key adopted by its identity: the import plans no change, and the plan
// afterwards is empty, with no secret in state, since Braze never shows a
// key's secret again.
func TestAccAPIKey_importByIdentity(t *testing.T) {
	s := acctest.NewSandbox(t)
	k := createKey(t, s, "amplitude-stream", "users.track", "users.alias.new")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/api_key_identity"),
			ConfigVariables:          config.Variables{"key_id": config.StringVariable(k.ID)},
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("braze_api_key.adopted", plancheck.ResourceActionNoop)},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity("braze_api_key.adopted", map[string]knownvalue.Check{"id": knownvalue.StringExact(k.ID)}),
				statecheck.ExpectKnownValue("braze_api_key.adopted", tfjsonpath.New("key"), knownvalue.Null()),
			},
		}},
	})
}
