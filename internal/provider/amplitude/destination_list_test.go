package amplitude_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// terraform query over the three destination list resources, against
// destinations made out of band in the sandbox as a dashboard user makes
// them. The list blocks are in testdata/destination_list; the testing
// framework takes a query step's configuration as text only, so each test
// reads its file.

var needsQuery = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ListResources)}

// queryCase is a query of the list blocks in file, with the checks: a first
// step configures the providers (a query needs a configuration beside its
// list blocks), the second runs terraform query.
func queryCase(t *testing.T, s *acctest.Sandbox, file string, checks []querycheck.QueryResultCheck) resource.TestCase {
	t.Helper()
	return resource.TestCase{
		TerraformVersionChecks:   needsQuery,
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: s.Directory(t, "testdata/empty")},
			{Query: true, Config: s.Query(t, "testdata/destination_list/"+file), QueryResultChecks: checks},
		},
	}
}

// identityOf is the identity a listed destination must carry.
func identityOf(d *developer.Destination) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{"project_id": knownvalue.StringExact(acctest.ProjectID), "id": knownvalue.StringExact(d.ID)}
}

func createWebhook(t *testing.T, s *acctest.Sandbox, name string) *developer.Destination {
	t.Helper()
	d, err := s.Developer().CreateDestination(context.Background(), "webhook", developer.DestinationSpec{
		DisplayName: name, Kind: []string{developer.KindEvent},
		Config: map[string]json.RawMessage{"url": json.RawMessage(`"https://example.com/hook"`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAccDestinationList_filters(t *testing.T) {
	s := acctest.NewSandbox(t)
	events := createEventStream(t, s, "Purchases to Braze")
	users, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeStream{
		Endpoint: acctest.BrazeEndpoint, APIKey: acctest.BrazeAdminKey, AppID: acctest.BrazeAppID,
		UserIDMapping:  developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
		UserProperties: []string{"plan"},
	}.Spec("Users to Braze", true))
	if err != nil {
		t.Fatal(err)
	}
	disabled := createEventStream(t, s, "Old stream")
	if _, err := s.Developer().DisableDestination(context.Background(), disabled.ID); err != nil {
		t.Fatal(err)
	}
	cohorts := createCohortDestination(t, s, "Cohorts to Braze")
	hook := createWebhook(t, s, "Audit hook")
	before := s.Stats(t)

	resource.ParallelTest(t, queryCase(t, s, "filters.tfquery.hcl", []querycheck.QueryResultCheck{
		querycheck.ExpectLength("amplitude_braze_destination.all", 3),
		querycheck.ExpectIdentity("amplitude_braze_destination.all", identityOf(events)),
		querycheck.ExpectIdentity("amplitude_braze_destination.all", identityOf(users)),
		querycheck.ExpectIdentity("amplitude_braze_destination.all", identityOf(disabled)),
		querycheck.ExpectResourceDisplayName("amplitude_braze_destination.all", queryfilter.ByResourceIdentity(identityOf(users)), knownvalue.StringExact("Users to Braze")),

		querycheck.ExpectLength("amplitude_braze_destination.sending_events", 1),
		querycheck.ExpectIdentity("amplitude_braze_destination.sending_events", identityOf(events)),
		querycheck.ExpectResourceDisplayName("amplitude_braze_destination.sending_events", queryfilter.ByResourceIdentity(identityOf(events)), knownvalue.StringExact("Purchases to Braze")),

		querycheck.ExpectLength("amplitude_braze_destination.disabled", 1),
		querycheck.ExpectResourceKnownValues("amplitude_braze_destination.disabled", queryfilter.ByResourceIdentity(identityOf(disabled)), []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Old stream")},
			{Path: tfjsonpath.New("enabled"), KnownValue: knownvalue.Bool(false)},
			{Path: tfjsonpath.New("braze_app_id"), KnownValue: knownvalue.StringExact(acctest.BrazeAppID)},
			{Path: tfjsonpath.New("send_events").AtMapKey("all_events"), KnownValue: knownvalue.Bool(true)},
			{Path: tfjsonpath.New("braze_api_key"), KnownValue: knownvalue.Null()},
		}),

		querycheck.ExpectLength("amplitude_braze_cohort_destination.all", 1),
		querycheck.ExpectResourceKnownValues("amplitude_braze_cohort_destination.all", queryfilter.ByResourceIdentity(identityOf(cohorts)), []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("Cohorts to Braze")},
			{Path: tfjsonpath.New("identifier_mappings").AtSliceIndex(0).AtMapKey("braze_identifier"), KnownValue: knownvalue.StringExact("external_id")},
			{Path: tfjsonpath.New("data_import_key"), KnownValue: knownvalue.Null()},
		}),

		querycheck.ExpectLength("amplitude_destination.all", 5),
		querycheck.ExpectLength("amplitude_destination.cohorts", 1),
		querycheck.ExpectIdentity("amplitude_destination.cohorts", identityOf(cohorts)),
		querycheck.ExpectLength("amplitude_destination.webhooks", 1),
		querycheck.ExpectResourceKnownValues("amplitude_destination.webhooks", queryfilter.ByResourceIdentity(identityOf(hook)), []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("display_name"), KnownValue: knownvalue.StringExact("Audit hook")},
			{Path: tfjsonpath.New("partner"), KnownValue: knownvalue.StringExact("webhook")},
		}),
	}))
	if after := s.Stats(t); after.Writes() != before.Writes() {
		t.Errorf("terraform query sent %d writes to Amplitude; a query writes nothing", after.Writes()-before.Writes())
	}
}

// An unknown kind is refused before anything is listed, naming the
// attribute and the kinds there are.
func TestAccDestinationList_unknownKind(t *testing.T) {
	s := acctest.NewSandbox(t)
	tc := queryCase(t, s, "unknown_kind.tfquery.hcl", nil)
	tc.Steps[1].ExpectError = acctest.ErrorMatching(`Attribute kind value must be one of: \["event" "identify" "cohort" "warehouse_export"\], got: "webhook"`)
	resource.ParallelTest(t, tc)
	if got := s.Stats(t).Requests.ByRoute[listRoute]; got != 0 {
		t.Errorf("%d listings of destinations for a refused list block", got)
	}
}

const listRoute = "GET /developer-api/v1/projects/{project_id}/destinations"

// More destinations than a page holds are listed in pages of 200: 450
// destinations cost three listing requests and no read of any one of them.
func TestAccDestinationList_pages(t *testing.T) {
	s := acctest.NewSandbox(t)
	for i := range 450 {
		createEventStream(t, s, fmt.Sprintf("stream %03d", i))
	}
	before := s.Stats(t)
	resource.ParallelTest(t, queryCase(t, s, "many.tfquery.hcl", []querycheck.QueryResultCheck{
		querycheck.ExpectLength("amplitude_braze_destination.many", 450),
	}))
	after := s.Stats(t)
	if got := after.Requests.ByRoute[listRoute] - before.Requests.ByRoute[listRoute]; got != 3 {
		t.Errorf("%d listing requests for 450 destinations, want 3 pages of 200", got)
	}
	if got := after.Requests.ByRoute[getRoute] - before.Requests.ByRoute[getRoute]; got != 0 {
		t.Errorf("%d reads of single destinations during a query, want none", got)
	}
}

const getRoute = "GET /developer-api/v1/projects/{project_id}/destinations/{id}"
