// Package resilience_test applies configurations against a misbehaving
// sandbox: injected server errors, rate limits and dropped responses, and a
// sandbox that is down. It asserts that applies converge with nothing lost or
// duplicated.
package resilience_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// manyObjects is 5 destinations, 10 user properties and a sync of each
// property to each destination: 50 syncs.
func manyObjects(s *acctest.Sandbox) string {
	var b strings.Builder
	fmt.Fprintf(&b, `
provider "amplitude" {
  api_key           = %q
  secret_key        = %q
  base_url          = %q
  access_token      = %q
  project_id        = %q
  developer_api_url = %q
  max_retries       = 20
}

resource "amplitude_user_property" "p" {
  count = 10
  name  = "prop_${count.index}"
  type  = "string"
}

resource "amplitude_braze_destination" "d" {
  count          = 5
  name           = "dest-${count.index}"
  braze_endpoint = %q
  braze_app_id   = %q
  braze_api_key  = %q
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_sync" "s" {
  count          = 50
  kind           = "user_property"
  source_id      = amplitude_user_property.p[count.index %% 10].name
  destination_id = amplitude_braze_destination.d[floor(count.index / 10)].id
  cadence        = "daily"
}
`, acctest.AmplitudeAPIKey, acctest.AmplitudeSecretKey, s.AmplitudeURL, acctest.DeveloperToken, acctest.ProjectID, s.DeveloperURL,
		acctest.BrazeEndpoint, acctest.BrazeAppID, acctest.BrazeAdminKey)
	return b.String()
}

func setFaults(t *testing.T, s *acctest.Sandbox, faults map[string]any) {
	t.Helper()
	body, _ := json.Marshal(faults)
	req, _ := http.NewRequest(http.MethodPut, s.URL+"/_sandbox/faults", bytes.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PUT /_sandbox/faults: %s", resp.Status)
	}
}

func expectAllDisabled(t *testing.T, s *acctest.Sandbox) error {
	all, err := s.Developer().ListDestinations(t.Context(), developer.DestinationFilter{})
	if err != nil {
		return err
	}
	for _, d := range all {
		if d.Enabled == nil || *d.Enabled {
			return fmt.Errorf("destination %s is still enabled after destroy", d.DisplayName)
		}
	}
	return nil
}

func expectObjects(s *acctest.Sandbox, t *testing.T, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := s.Stats(t).Objects
		for kind, n := range want {
			if got[kind] != n {
				return fmt.Errorf("sandbox holds %d %s, want exactly %d (all: %v)", got[kind], kind, n, got)
			}
		}
		return nil
	}
}

// TestAccFaults_applyAndDestroyConverge applies 5 destinations and 50 syncs
// while 30% of requests fail with 503, a rate limit answers 429 (with
// X-RateLimit-Reset on the Basic-auth APIs, retry_after_seconds in the
// Developer API's problem document), and 20% of writes lose their answer
// after the change was made. Destinations cannot be deleted: the destroy
// leaves all five, disabled.
func TestAccFaults_applyAndDestroyConverge(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := manyObjects(s)
	faulty := map[string]any{"error_rate": 0.3, "error_status": 503, "rate_limit_per_second": 40, "drop_response_rate": 0.2}
	seededProperties := s.Stats(t).Objects["user_properties"]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			setFaults(t, s, map[string]any{"error_rate": 0, "rate_limit_per_second": 0, "drop_response_rate": 0})
			if err := expectObjects(s, t, map[string]int{"destinations": 5, "syncs": 0, "user_properties": seededProperties})(nil); err != nil {
				return err
			}
			return expectAllDisabled(t, s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() { setFaults(t, s, faulty) },
				Config:    config,
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						setFaults(t, s, map[string]any{"error_rate": 0, "rate_limit_per_second": 0, "drop_response_rate": 0})
						return nil
					},
					expectObjects(s, t, map[string]int{"destinations": 5, "syncs": 50, "user_properties": seededProperties + 10}),
				),
			},
			{
				// Plans under the same faults: reads retry until they see
				// the truth, and the truth is what was configured.
				PreConfig: func() { setFaults(t, s, faulty) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccFaults_sandboxDown points the provider at an address where nothing
// listens: the plan fails with a clear message once the retries are spent.
func TestAccFaults_sandboxDown(t *testing.T) {
	down := acctest.NewSandbox(t)
	downURL := down.AmplitudeURL
	down.Close()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "amplitude" {
  api_key     = %q
  secret_key  = %q
  base_url    = %q
  max_retries = 2
}

data "amplitude_cohort" "x" { id = "coh_power_users" }
`, acctest.AmplitudeAPIKey, acctest.AmplitudeSecretKey, downURL),
			ExpectError: acctest.ErrorMatching(`no answer after 3 attempts: .*connection refused`),
		}},
	})
}

// TestAccFaults_lostCreatesMakeExactlyN creates 8 destinations that share
// one name while half of all writes lose their answer. Creates take no
// idempotency key and names are not unique: only the provider's search for
// what a lost create made keeps the count at 8.
func TestAccFaults_lostCreatesMakeExactlyN(t *testing.T) {
	s := acctest.NewSandbox(t)
	config := s.ProviderConfig() + fmt.Sprintf(`
resource "amplitude_braze_destination" "twin" {
  count          = 8
  name           = "twin"
  braze_endpoint = %q
  braze_app_id   = %q
  braze_api_key  = %q
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}
`, acctest.BrazeEndpoint, acctest.BrazeAppID, acctest.BrazeAdminKey)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { setFaults(t, s, map[string]any{"drop_response_rate": 0.5}) },
				Config:    strings.Replace(config, "max_retries       = 3", "max_retries       = 20", 1),
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						setFaults(t, s, map[string]any{"drop_response_rate": 0})
						return nil
					},
					expectObjects(s, t, map[string]int{"destinations": 8}),
					func(state *terraform.State) error {
						ids := map[string]bool{}
						for i := range 8 {
							ids[state.RootModule().Resources[fmt.Sprintf("amplitude_braze_destination.twin.%d", i)].Primary.ID] = true
						}
						if len(ids) != 8 {
							return fmt.Errorf("8 resources hold %d distinct destinations: two adopted the same one", len(ids))
						}
						return nil
					},
				),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccFaults_trackingPlanExactlyOnce applies 50 user properties and 20
// events while 30% of writes lose their answer and 20% of requests fail:
// every write carries one Idempotency-Key across its retries, so the apply
// converges with exactly 50 and 20 new objects, and the provider never lists
// the plan to find out what a lost write did.
func TestAccFaults_trackingPlanExactlyOnce(t *testing.T) {
	s := acctest.NewSandbox(t)
	seed := s.Stats(t).Objects
	config := strings.Replace(s.ProviderConfig(), "max_retries       = 3", "max_retries       = 20", 1) + `
resource "amplitude_user_property" "p" {
  count = 50
  name  = "exactly_once_${count.index}"
  type  = "string"
}

resource "amplitude_event_type" "e" {
  count       = 20
  name        = "Exactly Once ${count.index}"
  description = "Event ${count.index}."
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { setFaults(t, s, map[string]any{"drop_response_rate": 0.3, "error_rate": 0.2}) },
				Config:    config,
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						setFaults(t, s, map[string]any{"drop_response_rate": 0, "error_rate": 0})
						return nil
					},
					expectObjects(s, t, map[string]int{"user_properties": seed["user_properties"] + 50, "events": seed["events"] + 20}),
					func(*terraform.State) error {
						routes := s.Stats(t).Requests.ByRoute
						for _, list := range []string{"GET /developer-api/v1/projects/{project_id}/user-properties", "GET /developer-api/v1/projects/{project_id}/events"} {
							if routes[list] != 0 {
								return fmt.Errorf("%s sent %d times: the apply should need no listing", list, routes[list])
							}
						}
						return nil
					},
				),
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccWrongURLIsNotADeletion points the providers at URLs where something
// answers 404 for everything (here the sandbox's root, where no vendor API
// lives). Only a vendor's own not-found answer may remove an object from
// state: every resource's refresh must fail, naming the URL, and the objects
// stay in state.
func TestAccWrongURLIsNotADeletion(t *testing.T) {
	s := acctest.NewSandbox(t)
	objects := `
resource "braze_api_key" "k" {
  name        = "stream"
  permissions = ["users.track"]
}

resource "amplitude_braze_destination" "d" {
  name           = "stream"
  braze_endpoint = "` + acctest.BrazeEndpoint + `"
  braze_app_id   = "` + acctest.BrazeAppID + `"
  braze_api_key  = braze_api_key.k.key
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_sync" "s" {
  kind           = "computation"
  source_id      = "cmp_ltv_90d"
  destination_id = amplitude_braze_destination.d.id
  cadence        = "daily"
}

resource "amplitude_event_type" "e" {
  name = "Wrong URL Check"
}
`
	good := s.ProviderConfig() + objects
	wrong := strings.NewReplacer(s.AmplitudeURL, s.URL+"/wrong", s.DeveloperURL, s.URL+"/wrong", s.BrazeURL, s.URL+"/wrong").Replace(s.ProviderConfig()) + objects
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: good},
			{
				Config:      wrong,
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`(?s)answered HTTP 404, which is not an answer of.*probably wrong`),
			},
			{
				// Every object is still in state: the plan against the
				// right URLs is empty.
				Config:   good,
				PlanOnly: true,
			},
		},
	})
}

// TestAccSilentHostFailsWithinTheTimeout points both providers at a host
// that accepts connections and never answers: each plan fails with the
// configured request_timeout, naming the host, instead of waiting out every
// retry (the transport's own test counts the attempts: one).
func TestAccSilentHostFailsWithinTheTimeout(t *testing.T) {
	release := make(chan struct{})
	silent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(silent.Close)
	t.Cleanup(func() { close(release) })
	host := strings.TrimPrefix(silent.URL, "http://")
	for name, config := range map[string]string{
		"amplitude": fmt.Sprintf(`
provider "amplitude" {
  api_key         = "k"
  secret_key      = "s"
  base_url        = %q
  request_timeout = "2s"
}
data "amplitude_cohort" "x" { id = "coh_power_users" }
`, silent.URL),
		"braze": fmt.Sprintf(`
provider "braze" {
  rest_endpoint   = %q
  api_key         = "k"
  request_timeout = "2s"
}
data "braze_custom_attributes" "x" {}
`, silent.URL),
	} {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      config,
					ExpectError: acctest.ErrorMatching(`no answer from ` + regexp.QuoteMeta(host) + ` within 2s`),
				}},
			})
		})
	}
}
