package amplitude_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
)

// terraform query over the tracking-plan list resources and amplitude_sync,
// against objects made out of band (madeOutOfBand) and the sandbox's seed.

const queryDir = "testdata/taxonomy_query"

// queryFile is a .tfquery.hcl file of testdata/taxonomy_query after the
// provider blocks (acctest's Query): the testing framework takes a query
// step's configuration as text only.
func queryFile(t *testing.T, s *acctest.Sandbox, name string) string {
	t.Helper()
	return s.Query(t, queryDir+"/"+name)
}

// taxonomyQueryCase is a step that applies the providers alone (a query step needs
// a configuration beside it), then query.
func taxonomyQueryCase(t *testing.T, s *acctest.Sandbox, query resource.TestStep) resource.TestCase {
	query.Query = true
	query.ProtoV6ProviderFactories = acctest.ProviderFactories
	return resource.TestCase{
		TerraformVersionChecks: needsQuery,
		Steps: []resource.TestStep{
			{ProtoV6ProviderFactories: acctest.ProviderFactories, ConfigDirectory: s.Directory(t, queryDir)},
			query,
		},
	}
}

func TestAccTaxonomyQuery_listsEveryType(t *testing.T) {
	s := acctest.NewSandbox(t)
	made := madeOutOfBand(t, s)
	writesBefore := s.Stats(t).Writes()
	project := knownvalue.StringExact(acctest.ProjectID)
	resource.Test(t, taxonomyQueryCase(t, s, resource.TestStep{
		Config: queryFile(t, s, "all.tfquery.hcl"),
		QueryResultChecks: []querycheck.QueryResultCheck{
			querycheck.ExpectLength("amplitude_event_type.checkout", 1),
			querycheck.ExpectIdentity("amplitude_event_type.checkout", map[string]knownvalue.Check{
				"project_id": project, "name": knownvalue.StringExact("Checkout Started"),
			}),
			querycheck.ExpectResourceDisplayName("amplitude_event_type.checkout",
				queryfilter.ByDisplayName(knownvalue.StringExact("Checkout Started")), knownvalue.StringExact("Checkout Started")),
			querycheck.ExpectResourceKnownValues("amplitude_event_type.checkout",
				queryfilter.ByDisplayName(knownvalue.StringExact("Checkout Started")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("A shopper opened the checkout")},
					{Path: tfjsonpath.New("is_active"), KnownValue: knownvalue.Bool(true)},
				}),

			querycheck.ExpectLength("amplitude_event_property.checkout", 1),
			querycheck.ExpectIdentity("amplitude_event_property.checkout", map[string]knownvalue.Check{
				"project_id": project, "event_type": knownvalue.StringExact("Checkout Started"), "name": knownvalue.StringExact("coupon"),
			}),
			querycheck.ExpectResourceKnownValues("amplitude_event_property.checkout",
				queryfilter.ByDisplayName(knownvalue.StringExact("coupon")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("type"), KnownValue: knownvalue.StringExact("string")},
				}),

			// The seed's ltv and plan, and loyalty_tier; not Amplitude's
			// own country, nor referral_source, which only has data.
			querycheck.ExpectLength("amplitude_user_property.all", 3),
			querycheck.ExpectResourceDisplayName("amplitude_user_property.all",
				queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"project_id": project, "name": knownvalue.StringExact("loyalty_tier")}),
				knownvalue.StringExact("Loyalty tier")),
			querycheck.ExpectResourceKnownValues("amplitude_user_property.all",
				queryfilter.ByDisplayName(knownvalue.StringExact("Loyalty tier")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("enum_values"), KnownValue: knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("gold"), knownvalue.StringExact("silver")})},
				}),

			querycheck.ExpectLength("amplitude_sync.user_property", 1),
			querycheck.ExpectIdentity("amplitude_sync.user_property", map[string]knownvalue.Check{"id": knownvalue.StringExact(made.syncID)}),
			querycheck.ExpectResourceDisplayName("amplitude_sync.user_property",
				queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(made.syncID)}),
				knownvalue.StringExact("Loyalty tier to Braze")),
			querycheck.ExpectResourceKnownValues("amplitude_sync.user_property",
				queryfilter.ByDisplayName(knownvalue.StringExact("Loyalty tier to Braze")), []querycheck.KnownValueCheck{
					{Path: tfjsonpath.New("destination_id"), KnownValue: knownvalue.StringExact(made.destinationID)},
					{Path: tfjsonpath.New("cadence"), KnownValue: knownvalue.StringExact("daily")},
				}),
		},
	}))
	if writes := s.Stats(t).Writes() - writesBefore; writes != 0 {
		t.Errorf("the query sent %d writes to the vendors, want none", writes)
	}
}

// Bad list configurations are refused before anything is listed, naming the
// attribute and, for a closed set, the values it takes.
func TestAccTaxonomyQuery_badFilters(t *testing.T) {
	for name, tc := range map[string]struct{ file, want string }{
		"unknown sync kind": {"unknown_kind.tfquery.hcl",
			`kind.*value must be one of: \["user_property" "computation" "cohort" "recommendation"\], got: "segment"`},
		"event property list without its event": {"no_event_type.tfquery.hcl", `The argument "event_type" is required`},
		"event not in the plan":                 {"unknown_event.tfquery.hcl", `No such event in the tracking plan.*"Never Sent"`},
	} {
		t.Run(name, func(t *testing.T) {
			s := acctest.NewSandbox(t)
			resource.Test(t, taxonomyQueryCase(t, s, resource.TestStep{
				Config:      queryFile(t, s, tc.file),
				ExpectError: acctest.ErrorMatching(tc.want),
			}))
		})
	}
}

// The configuration Terraform generates for each type, from the provider's
// GenerateResourceConfig, validates and imports with no change: adopting
// what a query found needs no edit. The testing framework generates
// configuration only in an import step's plan; the whole path (terraform
// query -generate-config-out, apply, an empty plan) runs from the CLI.
func TestAccTaxonomyQuery_generatedConfigImportsWithoutChange(t *testing.T) {
	s := acctest.NewSandbox(t)
	made := madeOutOfBand(t, s)
	// The import steps start from the state of a configuration step.
	steps := []resource.TestStep{{ProtoV6ProviderFactories: acctest.ProviderFactories, ConfigDirectory: s.Directory(t, queryDir)}}
	for _, address := range []string{"amplitude_event_type.generated", "amplitude_event_property.generated", "amplitude_user_property.generated", "amplitude_sync.generated"} {
		steps = append(steps, resource.TestStep{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/taxonomy_generate"),
			ConfigVariables: config.Variables{
				"project_id": config.StringVariable(acctest.ProjectID),
				"sync_id":    config.StringVariable(made.syncID),
			},
			ResourceName: address,
			ImportState:  true,
			// The import blocks are in the configuration, by identity;
			// the id is unused.
			ImportStateKind:        resource.ImportBlockWithID,
			ImportStateId:          "unused",
			ImportStateConfigExact: true,
			GenerateConfig:         true,
		})
	}
	resource.Test(t, resource.TestCase{TerraformVersionChecks: needsQuery, Steps: steps})
}
