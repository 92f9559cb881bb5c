package amplitude_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

// credentialCase is one resource holding a secret in one of its two forms.
type credentialCase struct {
	name    string
	address string
	// dir is the resource's configuration, and vars its variables that
	// make it hold the secret value.
	dir  string
	vars func(value string) config.Variables
	// resent is the attribute whose planned change sends the secret again:
	// the sensitive attribute, or the write-only form's version.
	resent    string
	writeOnly bool
	// brazeKey says the secret is a Braze REST key, which the test makes in
	// the sandbox's Braze and deletes there to disconnect it. Any other
	// secret is disconnected by the sandbox reporting it so.
	brazeKey bool
}

var credentialCases = []credentialCase{
	{
		name: "braze destination, sensitive key", address: destinationAddress, resent: "braze_api_key", brazeKey: true,
		dir: destinationConfig,
		vars: func(key string) config.Variables {
			return with(destination("keyed", "users"), "braze_api_key", str(key))
		},
	},
	{
		name: "braze destination, write-only key", address: destinationAddress, resent: "braze_api_key_wo_version", writeOnly: true, brazeKey: true,
		dir:  writeOnlyDestinationConfig,
		vars: func(key string) config.Variables { return writeOnlyDestination("keyed", key, 1) },
	},
	{
		name: "braze cohort destination, sensitive key", address: cohortDestinationAddress, resent: "data_import_key",
		dir: cohortDestinationConfig,
		vars: func(key string) config.Variables {
			return with(cohortDestination("cohorts", "one"), "data_import_key", str(key))
		},
	},
	{
		name: "braze cohort destination, write-only key", address: cohortDestinationAddress, resent: "data_import_key_wo_version", writeOnly: true,
		dir:  writeOnlyCohortDestinationConfig,
		vars: func(key string) config.Variables { return writeOnlyCohortDestination("cohorts", key, 1) },
	},
	{
		name: "generic destination, sensitive secrets", address: genericAddress, resent: "secret_config", brazeKey: true,
		dir:  "testdata/generic_braze_identify",
		vars: func(key string) config.Variables { return config.Variables{"api_key": str(key)} },
	},
	{
		name: "generic destination, write-only secrets", address: genericAddress, resent: "secret_config_wo_version", writeOnly: true, brazeKey: true,
		dir:  "testdata/generic_braze_identify_write_only",
		vars: func(key string) config.Variables { return config.Variables{"api_key_wo": str(key)} },
	},
}

// A credential Amplitude reports disconnected (a Braze key deleted in
// Braze) makes the next plan send the configured secret again, for every
// resource that holds a secret and in both of its forms, under every CLI
// that has the form. An empty plan there would let a drift check pass while
// the destination delivers nothing. The configured value is the one that was
// deleted, so Amplitude's dry run refuses it: the plan shows the change all
// the same, and warns.
func TestAccDestinations_disconnectedCredentialPlansResend(t *testing.T) {
	for _, tc := range credentialCases {
		t.Run(tc.name, func(t *testing.T) {
			s := acctest.NewSandbox(t)
			secret, keyID := acctest.BrazeDataImportKey, ""
			if tc.brazeKey {
				k, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: "stream " + tc.name, Permissions: []string{"users.track"}})
				if err != nil {
					t.Fatal(err)
				}
				secret, keyID = k.Key, k.ID
			}
			var checks []tfversion.TerraformVersionCheck
			if tc.writeOnly {
				checks = append(checks, acctest.SkipWithout(acctest.WriteOnlyAttributes))
			}
			cfg, vars := s.Directory(t, tc.dir), tc.vars(secret)
			var id string
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				TerraformVersionChecks:   checks,
				Steps: []resource.TestStep{
					{
						ConfigDirectory: cfg, ConfigVariables: vars,
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(tc.address, tfjsonpath.New("credential_status"), knownvalue.StringExact("connected")),
						},
						Check: captureResourceID(tc.address, &id),
					},
					{
						PreConfig: func() {
							if tc.brazeKey {
								if err := s.Braze().DeleteAPIKey(context.Background(), keyID); err != nil {
									t.Fatal(err)
								}
								return
							}
							s.ReportDisconnected(id)
						},
						ConfigDirectory:    cfg,
						ConfigVariables:    vars,
						PlanOnly:           true,
						ExpectNonEmptyPlan: true,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PostApplyPostRefresh: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction(tc.address, plancheck.ResourceActionUpdate),
								expectChange(tc.address, tc.resent),
							},
						},
					},
				},
			})
		})
	}
}

// expectChange checks that the plan changes attribute of the resource at
// address.
func expectChange(address, attribute string) plancheck.PlanCheck {
	return changeCheck{address: address, attribute: attribute}
}

type changeCheck struct{ address, attribute string }

func (c changeCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.address {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		if reflect.DeepEqual(before[c.attribute], after[c.attribute]) {
			resp.Error = fmt.Errorf("%s: the plan leaves %s as it is (%v); it should send the secret again", c.address, c.attribute, before[c.attribute])
		}
		return
	}
	resp.Error = fmt.Errorf("the plan has no change of %s", c.address)
}
