package amplitude_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	amplitudeprovider "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
)

func TestAccCohortDataSource(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/cohort")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
				ConfigVariables: config.Variables{"id": str("coh_missing")},
				ExpectError:     acctest.ErrorMatching(`No cohort of this Amplitude project has id "coh_missing"`),
			},
			{
				ConfigDirectory: cfg,
				ExpectError:     acctest.ErrorMatching(`Exactly one of these attributes must be configured: \[id,name\]`),
			},
			{
				ConfigDirectory: cfg,
				ConfigVariables: config.Variables{"id": str("coh_churn_risk"), "name": str("Churn risk")},
				ExpectError:     acctest.ErrorMatching(`Exactly one of these attributes must be configured: \[id,name\]`),
			},
			{
				ConfigDirectory: s.Directory(t, "testdata/cohorts_by_id_and_name"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.amplitude_cohort.by_id", tfjsonpath.New("name"), knownvalue.StringExact("Churn risk")),
					statecheck.ExpectKnownValue("data.amplitude_cohort.by_name", tfjsonpath.New("id"), knownvalue.StringExact("coh_power_users")),
					statecheck.ExpectKnownValue("data.amplitude_cohort.by_name", tfjsonpath.New("size"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue("data.amplitude_cohort.by_name", tfjsonpath.New("archived"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue("data.amplitude_cohort.by_name", tfjsonpath.New("sync_metadata"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccEventStreamingMetricsDataSource(t *testing.T) {
	s := acctest.NewSandbox(t)
	cfg := s.Directory(t, "testdata/event_streaming_metrics", acctest.Include(destinationConfig))
	metrics := destination("metrics", "events_and_users")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: s.Directory(t, "testdata/event_streaming_metrics_invalid"),
				ExpectError:     acctest.ErrorMatching(`time_period value must be one of`),
			},
			{
				ConfigDirectory: cfg, ConfigVariables: metrics,
				Check: func(state *terraform.State) error {
					got := state.RootModule().Resources["data.amplitude_event_streaming_metrics.day"].Primary.Attributes
					want, err := s.Amplitude().DeliveryMetricsSummary(context.Background(), got["sync_id"], "ONE_DAY")
					if err != nil {
						return err
					}
					for attr, value := range map[string]string{
						"events_delivered":         fmt.Sprint(want.EventsDelivered),
						"events_not_delivered":     fmt.Sprint(want.EventsNotDelivered),
						"success_on_first_attempt": fmt.Sprint(want.SuccessOnFirstAttempt),
						"success_after_retry":      fmt.Sprint(want.SuccessAfterRetry),
						"time_period_start":        want.TimePeriodStart,
					} {
						if got[attr] != value {
							return fmt.Errorf("%s = %q, the API says %q", attr, got[attr], value)
						}
					}
					if want.EventsDelivered == 0 {
						return fmt.Errorf("the sandbox reported no deliveries: %+v", want)
					}
					return nil
				},
			},
		},
	})
}

// Twenty metrics data sources are more than Amplitude's delivery metrics API
// answers in a minute (12, 4 at a time): the plan waits for the window and
// succeeds. The provider and the sandbox share one clock, which the
// provider's waits move on, so the vendor's minute passes without a real
// one.
func TestAccEventStreamingMetricsDataSource_moreThanAMinuteAllows(t *testing.T) {
	began := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	clock := testclock.New(began)
	s := acctest.NewSandboxWithClock(t, clock.Now)
	stream := createEventStream(t, s, "metrics")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"amplitude": providerserver.NewProtocol6WithError(amplitudeprovider.NewWithClock("test", clock)()),
			"braze":     acctest.ProviderFactories["braze"],
		},
		Steps: []resource.TestStep{{
			ConfigDirectory: s.Directory(t, "testdata/event_streaming_metrics_each"),
			ConfigVariables: config.Variables{"sync_id": str(stream.ID)},
			PlanOnly:        true,
		}},
	})
	if waited := clock.Now().Sub(began); waited < time.Minute {
		t.Errorf("the plan's 20 reads passed in %v of the vendor's time, less than a minute: the provider did not wait", waited)
	}
}
