package amplitude_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// These tests apply the registry examples under examples/amplitude as they
// are, check that Amplitude then holds what each example says it makes, and
// destroy them: an example that stops working fails here.

var needsWriteOnly = []tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.WriteOnlyAttributes)}

func TestAccExample_brazeDestination(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/resources/amplitude_braze_destination",
		config.Variables{"braze_rest_api_key": config.StringVariable(acctest.BrazeAdminKey)}, needsWriteOnly,
		statecheck.ExpectKnownValue("amplitude_braze_destination.stream", tfjsonpath.New("name"), knownvalue.StringExact("braze-prod-stream")),
		statecheck.ExpectKnownValue("amplitude_braze_destination.write_only_key", tfjsonpath.New("braze_api_key"), knownvalue.Null()),
	)
	tc.Steps[0].Check = resource.ComposeAggregateTestCheckFunc(
		checkServerDestination(s, "amplitude_braze_destination.stream", func(d *developer.Destination) error {
			stream, err := developer.BrazeStreamFrom(d)
			if err != nil {
				return err
			}
			if stream.Events == nil || !slices.Equal(stream.Events.Events, []string{"Purchase"}) || len(stream.Events.Conditions) != 1 ||
				!slices.Equal(slices.Sorted(slices.Values(stream.UserProperties)), []string{"country", "plan"}) {
				return fmt.Errorf("Amplitude holds %+v (events %+v), not the example's purchases from the US and Canada with plan and country", stream, stream.Events)
			}
			return nil
		}),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_brazeCohortDestination(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/resources/amplitude_braze_cohort_destination",
		config.Variables{"braze_data_import_key": config.StringVariable(acctest.BrazeDataImportKey)}, nil,
		statecheck.ExpectKnownValue("amplitude_braze_cohort_destination.cohorts", tfjsonpath.New("identifier_mappings"), knownvalue.ListSizeExact(2)),
	)
	tc.Steps[0].Check = checkServerDestination(s, "amplitude_braze_cohort_destination.cohorts", func(d *developer.Destination) error {
		if d.DisplayName != "braze-cohorts" {
			return fmt.Errorf("Amplitude holds %q", d.DisplayName)
		}
		return nil
	})
	resource.ParallelTest(t, tc)
}

func TestAccExample_destination(t *testing.T) {
	_, tc := acctest.ExampleCase(t, "amplitude/resources/amplitude_destination",
		config.Variables{"webhook_token": config.StringVariable("example-token")}, needsWriteOnly,
		statecheck.ExpectKnownValue("amplitude_destination.webhook", tfjsonpath.New("partner"), knownvalue.StringExact("webhook")),
		statecheck.ExpectKnownValue("amplitude_destination.webhook_write_only", tfjsonpath.New("secret_config_wo"), knownvalue.Null()),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_eventType(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/resources/amplitude_event_type", nil, nil)
	tc.Steps[0].Check = func(*terraform.State) error {
		e, err := s.Developer().GetEvent(context.Background(), "Push Notification Sent")
		if err != nil {
			return err
		}
		if e.IsActive {
			return fmt.Errorf("the tracking plan holds %+v; the example declares an inactive event", e)
		}
		return nil
	}
	resource.ParallelTest(t, tc)
}

func TestAccExample_eventProperty(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/resources/amplitude_event_property", nil, nil)
	tc.Steps[0].Check = func(*terraform.State) error {
		p, err := s.Developer().GetEventProperty(context.Background(), "Order Completed", "currency")
		if err != nil {
			return err
		}
		if !slices.Equal(slices.Sorted(slices.Values(p.EnumValues)), []string{"EUR", "GBP", "USD"}) {
			return fmt.Errorf("the tracking plan holds %+v; the example declares a currency enum", p)
		}
		return nil
	}
	resource.ParallelTest(t, tc)
}

func TestAccExample_userProperty(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/resources/amplitude_user_property", nil, nil,
		statecheck.ExpectKnownValue("amplitude_user_property.postcode", tfjsonpath.New("regex"), knownvalue.StringExact("^[0-9]{5}$")),
	)
	tc.Steps[0].Check = func(*terraform.State) error {
		p, err := s.Developer().GetUserProperty(context.Background(), "loyalty_tier")
		if err != nil {
			return err
		}
		if !slices.Equal(p.Classifications, []string{"SENSITIVE"}) {
			return fmt.Errorf("the tracking plan holds %+v; the example declares it SENSITIVE", p)
		}
		return nil
	}
	resource.ParallelTest(t, tc)
}

func TestAccExample_sync(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/resources/amplitude_sync", config.Variables{
		"braze_rest_api_key":    config.StringVariable(acctest.BrazeAdminKey),
		"braze_data_import_key": config.StringVariable(acctest.BrazeDataImportKey),
	}, nil,
		statecheck.ExpectKnownValue("amplitude_sync.tier", tfjsonpath.New("braze_attribute"), knownvalue.StringExact("loyalty_tier")),
	)
	tc.Steps[0].Check = func(*terraform.State) error {
		syncs, err := s.Amplitude().ListSyncs(context.Background())
		if err != nil {
			return err
		}
		if len(syncs) != 3 {
			return fmt.Errorf("Amplitude holds %d syncs; the example makes 3", len(syncs))
		}
		return nil
	}
	resource.ParallelTest(t, tc)
}

func TestAccExample_cohortDataSource(t *testing.T) {
	_, tc := acctest.ExampleCase(t, "amplitude/data-sources/amplitude_cohort", nil, nil,
		statecheck.ExpectKnownOutputValueAtPath("power_users", tfjsonpath.New("id"), knownvalue.StringExact("coh_power_users")),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_destinationTypeDataSource(t *testing.T) {
	_, tc := acctest.LiveExampleCase(t, "amplitude/data-sources/amplitude_destination_type", nil, nil,
		statecheck.ExpectKnownOutputValueAtPath("braze_parameters", tfjsonpath.New(developer.BrazeParamAPIKey), knownvalue.NotNull()),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_eventStreamingMetricsDataSource(t *testing.T) {
	s, tc := acctest.ExampleCase(t, "amplitude/data-sources/amplitude_event_streaming_metrics", nil, nil,
		statecheck.ExpectKnownValue("data.amplitude_event_streaming_metrics.last_day", tfjsonpath.New("delivery_rate"), knownvalue.NotNull()),
	)
	stream := createEventStream(t, s, "metrics-example")
	tc.Steps[0].ConfigVariables = config.Variables{"destination_id": config.StringVariable(stream.ID)}
	resource.ParallelTest(t, tc)
}

func TestAccExample_eventTypesDataSource(t *testing.T) {
	_, tc := acctest.ExampleCase(t, "amplitude/data-sources/amplitude_event_types", nil, nil,
		statecheck.ExpectKnownValue("data.amplitude_event_types.plan", tfjsonpath.New("names"), knownvalue.SetPartial([]knownvalue.Check{
			knownvalue.StringExact("Purchase"), knownvalue.StringExact("Sign Up"),
		})),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_egressIPsFunction(t *testing.T) {
	ips := make([]knownvalue.Check, 0, len(facts.AmplitudeEgressIPs["EU"]))
	for _, ip := range facts.AmplitudeEgressIPs["EU"] {
		ips = append(ips, knownvalue.StringExact(ip))
	}
	_, tc := acctest.ExampleCase(t, "amplitude/functions/egress_ips", nil,
		[]tfversion.TerraformVersionCheck{acctest.SkipWithout(acctest.ProviderFunctions)},
		statecheck.ExpectKnownOutputValue("amplitude_eu_egress_ips", knownvalue.ListExact(ips)),
	)
	resource.ParallelTest(t, tc)
}

func TestAccExample_projectDataSource(t *testing.T) {
	_, tc := acctest.ExampleCase(t, "amplitude/data-sources/amplitude_project", nil, nil,
		statecheck.ExpectKnownOutputValue("production_project_id", knownvalue.StringExact(acctest.ProjectID)),
	)
	resource.ParallelTest(t, tc)
}
