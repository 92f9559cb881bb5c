// Package resilience_test applies configurations against a misbehaving
// sandbox: injected server errors, rate limits and dropped responses, and a
// sandbox that is down. It asserts that applies converge with nothing lost or
// duplicated.
package resilience_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// patient lets the amplitude provider retry each request up to 20 times,
// enough to get through the faults these tests inject.
var patient = acctest.Amplitude("max_retries", 20)

// clearFaults stops every injected fault, so that the checks after an
// apply read the sandbox as it is.
func clearFaults(t *testing.T, s *acctest.Sandbox) resource.TestCheckFunc {
	return func(*terraform.State) error {
		s.SetFaults(t, map[string]any{"error_rate": 0, "rate_limit_per_second": 0, "drop_response_rate": 0})
		return nil
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
	cfg := s.Directory(t, "testdata/many_objects", patient)
	faulty := map[string]any{"error_rate": 0.3, "error_status": 503, "rate_limit_per_second": 40, "drop_response_rate": 0.2}
	seededProperties := s.Stats(t).Objects["user_properties"]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			s.SetFaults(t, map[string]any{"error_rate": 0, "rate_limit_per_second": 0, "drop_response_rate": 0})
			if err := expectObjects(s, t, map[string]int{"destinations": 5, "syncs": 0, "user_properties": seededProperties})(nil); err != nil {
				return err
			}
			return expectAllDisabled(t, s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig:       func() { s.SetFaults(t, faulty) },
				ConfigDirectory: cfg,
				Check: resource.ComposeAggregateTestCheckFunc(
					clearFaults(t, s),
					expectObjects(s, t, map[string]int{"destinations": 5, "syncs": 50, "user_properties": seededProperties + 10}),
				),
			},
			{
				// Plans under the same faults: reads retry until they see
				// the truth, and the truth is what was configured.
				PreConfig:       func() { s.SetFaults(t, faulty) },
				ConfigDirectory: cfg,
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
	cfg := down.Directory(t, "testdata/cohort", acctest.Amplitude("max_retries", 2))
	down.Close()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			ConfigDirectory: cfg,
			ExpectError:     acctest.ErrorMatching(`no answer after 3 attempts: .*connection refused`),
		}},
	})
}

// TestAccFaults_lostCreatesMakeExactlyN creates 8 destinations that share
// one name while half of all writes lose their answer. Creates take no
// idempotency key and names are not unique: only the provider's search for
// what a lost create made keeps the count at 8.
func TestAccFaults_lostCreatesMakeExactlyN(t *testing.T) {
	s := acctest.NewSandbox(t)
	twins := s.Directory(t, "testdata/twins")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:       func() { s.SetFaults(t, map[string]any{"drop_response_rate": 0.5}) },
				ConfigDirectory: s.Directory(t, "testdata/twins", patient),
				Check: resource.ComposeAggregateTestCheckFunc(
					clearFaults(t, s),
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
				ConfigDirectory: twins,
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
	cfg := s.Directory(t, "testdata/tracking_plan", patient)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:       func() { s.SetFaults(t, map[string]any{"drop_response_rate": 0.3, "error_rate": 0.2}) },
				ConfigDirectory: cfg,
				Check: resource.ComposeAggregateTestCheckFunc(
					clearFaults(t, s),
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
				ConfigDirectory: cfg,
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
	good := s.Directory(t, "testdata/wrong_url")
	wrongURL := s.URL + "/wrong"
	wrong := s.Directory(t, "testdata/wrong_url",
		acctest.Amplitude("base_url", wrongURL), acctest.Amplitude("developer_api_url", wrongURL), acctest.Braze("rest_endpoint", wrongURL))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{ConfigDirectory: good},
			{
				ConfigDirectory: wrong,
				PlanOnly:        true,
				ExpectError:     acctest.ErrorMatching(`(?s)answered HTTP 404, which is not an answer of.*probably wrong`),
			},
			{
				// Every object is still in state: the plan against the
				// right URLs is empty.
				ConfigDirectory: good,
				PlanOnly:        true,
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
	// The sandbox only supplies the configuration's credentials: the
	// provider under test is pointed at the silent host.
	s := acctest.NewSandbox(t)
	for name, cfg := range map[string]config.TestStepConfigFunc{
		"amplitude": s.Directory(t, "testdata/cohort", acctest.Amplitude("base_url", silent.URL), acctest.Amplitude("request_timeout", "2s")),
		"braze":     s.Directory(t, "testdata/custom_attributes", acctest.Braze("rest_endpoint", silent.URL), acctest.Braze("request_timeout", "2s")),
	} {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					ConfigDirectory: cfg,
					ExpectError:     acctest.ErrorMatching(`no answer from ` + regexp.QuoteMeta(host) + ` within 2s`),
				}},
			})
		})
	}
}
