package braze_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
)

const attributesAddress = "data.braze_custom_attributes.all"

// TestAccCustomAttributes_pages reads 122 attributes, which Braze serves 50
// a page: the data source follows the Link header across three pages.
func TestAccCustomAttributes_pages(t *testing.T) {
	s := acctest.NewSandbox(t)
	s.AddCustomAttributes(t, 120)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			ConfigDirectory: s.Directory(t, "testdata/custom_attributes"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(attributesAddress, "attributes.#", "122"),
				checkAttributeNames(func(names []string) error {
					if !slices.IsSorted(names) || !slices.Contains(names, "plan") || !slices.Contains(names, "country") {
						return fmt.Errorf("names are not the sorted set with the seeded ones: %v", names)
					}
					if len(slices.Compact(slices.Clone(names))) != len(names) {
						return fmt.Errorf("a page was read twice: %v", names)
					}
					return nil
				}),
				func(*terraform.State) error {
					if pages := s.Stats(t).Requests.ByRoute["GET /braze/custom_attributes"]; pages != 3 {
						return fmt.Errorf("read %d pages, want 3", pages)
					}
					return nil
				},
			),
		}},
	})
}

// TestAccCustomAttributes_gainSyncedAttributes shows a user-property sync's
// attribute appearing in Braze once the sync has run.
func TestAccCustomAttributes_gainSyncedAttributes(t *testing.T) {
	clock := testclock.New(time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC))
	s := acctest.NewSandboxWithClock(t, clock.Now)
	cfg := s.Directory(t, "testdata/synced_attribute")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				ConfigDirectory: cfg,
				Check: checkAttributeNames(func(names []string) error {
					if slices.Contains(names, "ltv") {
						return fmt.Errorf("ltv is in Braze before the sync ran: %v", names)
					}
					return nil
				}),
			},
			{
				PreConfig:       func() { clock.Advance(2 * time.Hour) },
				ConfigDirectory: cfg,
				Check: checkAttributeNames(func(names []string) error {
					if !slices.Contains(names, "ltv") {
						return fmt.Errorf("ltv is not in Braze after the sync ran: %v", names)
					}
					return nil
				}),
			},
		},
	})
}

func checkAttributeNames(check func([]string) error) resource.TestCheckFunc {
	return func(state *terraform.State) error {
		attrs := state.RootModule().Resources[attributesAddress].Primary.Attributes
		n, err := strconv.Atoi(attrs["attributes.#"])
		if err != nil {
			return err
		}
		names := make([]string, n)
		for i := range names {
			names[i] = attrs[fmt.Sprintf("attributes.%d.name", i)]
		}
		return check(names)
	}
}
