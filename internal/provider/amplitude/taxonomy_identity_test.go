package amplitude_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// Resource identity of the tracking-plan resources and of amplitude_sync:
// objects made out of band, as in Amplitude's dashboard, are adopted by
// import blocks that name them by identity (Terraform 1.12+).

// adoptable is what madeOutOfBand made.
type adoptable struct {
	destinationID string
	syncID        string
}

// madeOutOfBand makes, as a user of Amplitude's dashboard would: the event
// "Checkout Started" with its property coupon, the user property
// loyalty_tier, a Braze stream that sends it, and a daily sync of it. The
// settings are those of testdata/taxonomy_identity/import.
func madeOutOfBand(t *testing.T, s *acctest.Sandbox) adoptable {
	t.Helper()
	ctx := context.Background()
	dev := s.Developer()
	description, str, enum, tier := "A shopper opened the checkout", "string", "enum", "Loyalty tier"
	if _, err := dev.CreateEvent(ctx, "Checkout Started", developer.EventSpec{Description: &description, IsActive: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := dev.CreateEventProperty(ctx, "Checkout Started", "coupon", developer.PropertySpec{DataType: &str}); err != nil {
		t.Fatal(err)
	}
	if _, err := dev.CreateUserProperty(ctx, "loyalty_tier", developer.PropertySpec{DisplayName: &tier, DataType: &enum, EnumValues: []string{"gold", "silver"}}); err != nil {
		t.Fatal(err)
	}
	stream, err := dev.CreateDestination(ctx, developer.PartnerBraze, developer.BrazeStream{
		Endpoint: acctest.BrazeEndpoint, APIKey: acctest.BrazeAdminKey, AppID: acctest.BrazeAppID,
		UserIDMapping:  developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
		UserProperties: []string{"loyalty_tier"},
	}.Spec("Braze users", true))
	if err != nil {
		t.Fatal(err)
	}
	sync, err := s.Amplitude().CreateSync(ctx, amplitude.Sync{
		Name: "Loyalty tier to Braze", Kind: "user_property", SourceID: "loyalty_tier",
		DestinationID: stream.ID, Cadence: "daily", Enabled: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return adoptable{destinationID: stream.ID, syncID: sync.ID}
}

// An apply of import blocks by identity adopts all four, the plan after is
// empty (the testing framework plans again), and state holds each identity.
func TestAccTaxonomyIdentity_importByIdentity(t *testing.T) {
	s := acctest.NewSandbox(t)
	made := madeOutOfBand(t, s)
	project := knownvalue.StringExact(acctest.ProjectID)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/taxonomy_identity/import"),
			ConfigVariables: config.Variables{
				"project_id":     config.StringVariable(acctest.ProjectID),
				"sync_id":        config.StringVariable(made.syncID),
				"destination_id": config.StringVariable(made.destinationID),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity("amplitude_event_type.checkout", map[string]knownvalue.Check{
					"project_id": project, "name": knownvalue.StringExact("Checkout Started"),
				}),
				statecheck.ExpectIdentity("amplitude_event_property.coupon", map[string]knownvalue.Check{
					"project_id": project, "event_type": knownvalue.StringExact("Checkout Started"), "name": knownvalue.StringExact("coupon"),
				}),
				statecheck.ExpectIdentity("amplitude_user_property.tier", map[string]knownvalue.Check{
					"project_id": project, "name": knownvalue.StringExact("loyalty_tier"),
				}),
				statecheck.ExpectIdentity("amplitude_sync.tier", map[string]knownvalue.Check{
					"id": knownvalue.StringExact(made.syncID),
				}),
			},
		}},
	})
}

// An identity of another project is refused at import, before anything is
// read: the provider would otherwise adopt its own project's object of
// that name.
func TestAccTaxonomyIdentity_otherProjectRefused(t *testing.T) {
	s := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: needsIdentity,
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/taxonomy_identity/other_project"),
			ExpectError:              acctest.ErrorMatching(`Identity of another Amplitude project.*the identity names Amplitude project "999999", and this amplitude provider works on project "` + acctest.ProjectID + `"`),
		}},
	})
}

// Resources created by Terraform carry their identity too: an import block
// by the identity in state plans no change, for each type.
func TestAccTaxonomyIdentity_createdResourcesImportByIdentity(t *testing.T) {
	s := acctest.NewSandbox(t)
	stream, err := s.Developer().CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeStream{
		Endpoint: acctest.BrazeEndpoint, APIKey: acctest.BrazeAdminKey, AppID: acctest.BrazeAppID,
		UserIDMapping:  developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
		UserProperties: []string{"plan"},
	}.Spec("Braze users", true))
	if err != nil {
		t.Fatal(err)
	}
	steps := []resource.TestStep{{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		ConfigDirectory:          s.Directory(t, "testdata/taxonomy_identity/created"),
		ConfigVariables:          config.Variables{"destination_id": config.StringVariable(stream.ID)},
	}}
	for _, address := range []string{"amplitude_event_type.checkout", "amplitude_event_property.coupon", "amplitude_user_property.tier", "amplitude_sync.tier"} {
		steps = append(steps, resource.TestStep{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			ConfigDirectory:          s.Directory(t, "testdata/taxonomy_identity/created"),
			ConfigVariables:          config.Variables{"destination_id": config.StringVariable(stream.ID)},
			ResourceName:             address,
			ImportState:              true,
			ImportStateKind:          resource.ImportBlockWithResourceIdentity,
		})
	}
	resource.ParallelTest(t, resource.TestCase{TerraformVersionChecks: needsIdentity, Steps: steps})
}
