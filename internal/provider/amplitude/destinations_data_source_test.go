package amplitude_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
)

// The adoption path of CLIs without terraform query (OpenTofu): the
// amplitude_destinations example lists the Braze event streams made in the
// dashboard and imports each with a for_each import block, without their
// keys, changing none; the plan after is empty. The cohort destination is
// not listed. The testing framework cannot read a state whose instances
// have string keys, so the test drives the CLI itself.
func TestAccExample_destinationsDataSource(t *testing.T) {
	acctest.SkipUnlessCLIHas(t, acctest.ImportForEach)
	t.Parallel()
	s := acctest.NewSandbox(t)
	first := createEventStream(t, s, "Purchases to Braze")
	second := createEventStream(t, s, "Sign-ups to Braze")
	createCohortDestination(t, s, "Cohorts to Braze")
	cli := s.CLIDir(t, acctest.ExampleDir("amplitude/data-sources/amplitude_destinations"))
	before := s.Stats(t)
	if out := cli.Must(t, "apply", "-auto-approve", "-no-color"); !strings.Contains(out, "Resources: 2 imported, 0 added, 0 changed, 0 destroyed.") {
		t.Fatalf("applying the example:\n%s", out)
	}
	if writes := s.Stats(t).Writes() - before.Writes(); writes != 0 {
		t.Errorf("adopting sent %d writes", writes)
	}
	expectEmptyPlan(t, cli)
	want := []string{
		`amplitude_braze_destination.adopted["` + first.ID + `"]`,
		`amplitude_braze_destination.adopted["` + second.ID + `"]`,
		"data.amplitude_destinations.braze_streams",
	}
	slices.Sort(want)
	got := strings.Fields(cli.Must(t, "state", "list"))
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("state holds %q, want %q", got, want)
	}
}

func TestAccDestinationsDataSource_filters(t *testing.T) {
	s := acctest.NewSandbox(t)
	createEventStream(t, s, "Purchases to Braze")
	disabled := createEventStream(t, s, "Old stream")
	if _, err := s.Developer().DisableDestination(context.Background(), disabled.ID); err != nil {
		t.Fatal(err)
	}
	cohorts := createCohortDestination(t, s, "Cohorts to Braze")
	resource.ParallelTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/destinations_data_source"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.amplitude_destinations.disabled_streams", tfjsonpath.New("destinations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(disabled.ID), "name": knownvalue.StringExact("Old stream"), "partner": knownvalue.StringExact("braze"),
						"kind": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("event")}), "enabled": knownvalue.Bool(false),
					}),
				})),
				statecheck.ExpectKnownValue("data.amplitude_destinations.cohorts", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(cohorts.ID)})),
			},
		}},
	})
}

// An unknown kind is refused at validate, naming the attribute and the
// kinds there are, before any request.
func TestAccDestinationsDataSource_unknownKind(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/destinations_data_source_unknown_kind"),
			ExpectError:              acctest.ErrorMatching(`Attribute kind value must be one of: \["event" "identify" "cohort" "warehouse_export"\], got: "stream"`),
		}},
	})
	if got := s.Stats(t).Requests.ByRoute[listRoute]; got != 0 {
		t.Errorf("%d listings of destinations for a refused data source", got)
	}
}
