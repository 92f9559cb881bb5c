package braze_test

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/acctest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// keyWithout makes a Braze key holding every permission but missing, for the
// provider to call Braze with.
func keyWithout(t *testing.T, s *acctest.Sandbox, missing string) *braze.APIKey {
	t.Helper()
	permissions := slices.DeleteFunc(slices.Clone(facts.BrazeRESTPermissions), func(p string) bool { return p == missing })
	k, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: "without " + missing, Permissions: permissions})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// withKey points the braze provider at the sandbox with key.
func withKey(key string) acctest.Setting { return acctest.Braze("api_key", key) }

// missingPermission is a configuration of testdata/missing_permission.
func missingPermission(file string) string { return "testdata/missing_permission/" + file }

// lacks is the error of a provider key without permission: it advises that
// permission, and only that one.
func lacks(permission string) *regexp.Regexp {
	p := regexp.QuoteMeta(permission)
	return acctest.ErrorMatching(`api_key lacks the ` + p + ` permission, which this needs\. A Braze key's permissions cannot be changed: create a key that holds ` + p + ` as well as the permissions the current one has`)
}

// Every request the braze provider sends names, when Braze refuses it with
// 403, the permission that request needs: each data source's, and each of
// the braze_api_key resource's, the search after a lost create among them.
func TestAccBraze_forbiddenNamesTheMissingPermission(t *testing.T) {
	cases := []struct {
		// config is a file of testdata/missing_permission.
		missing, config string
		// dropAnswers loses the answer of every write, so that a create
		// looks for what it made before it tries again.
		dropAnswers bool
	}{
		{missing: "custom_attributes.get", config: "custom_attributes.tf"},
		{missing: "events.get", config: "custom_events.tf"},
		{missing: "segments.list", config: "segments.tf"},
		{missing: "api_keys.create", config: "api_key.tf"},
		{missing: "api_keys.list", dropAnswers: true, config: "api_key.tf"},
	}
	for _, tc := range cases {
		t.Run(tc.missing, func(t *testing.T) {
			s := acctest.NewSandbox(t)
			key := keyWithout(t, s, tc.missing)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories,
				Steps: []resource.TestStep{{
					PreConfig: func() {
						if tc.dropAnswers {
							s.SetFaults(t, map[string]any{"drop_response_rate": 1})
						}
					},
					ConfigDirectory: s.File(t, missingPermission(tc.config), withKey(key.Key)),
					ExpectError:     lacks(tc.missing),
				}},
			})
		})
	}
}

// Reading and deleting a key name their own permissions too.
func TestAccBraze_forbiddenReadAndDeleteOfAKey(t *testing.T) {
	t.Run("api_keys.info", func(t *testing.T) {
		s := acctest.NewSandbox(t)
		existing, err := s.Braze().CreateAPIKey(context.Background(), braze.NewAPIKey{Name: "k", Permissions: []string{"users.track"}})
		if err != nil {
			t.Fatal(err)
		}
		key := keyWithout(t, s, "api_keys.info")
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			Steps: []resource.TestStep{{
				ConfigDirectory: s.File(t, missingPermission("api_key.tf"), withKey(key.Key)),
				ResourceName:    "braze_api_key.x",
				ImportState:     true,
				ImportStateId:   existing.ID,
				ExpectError:     lacks("api_keys.info"),
			}},
		})
	})
	t.Run("api_keys.delete", func(t *testing.T) {
		s := acctest.NewSandbox(t)
		key := keyWithout(t, s, "api_keys.delete")
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProviderFactories,
			Steps: []resource.TestStep{
				{ConfigDirectory: s.File(t, missingPermission("api_key.tf"))},
				{
					// The key is no longer configured: deleting it needs
					// api_keys.delete, which the provider's key lacks.
					ConfigDirectory: s.Directory(t, "testdata/empty", withKey(key.Key)),
					ExpectError:     lacks("api_keys.delete"),
				},
				// The admin key deletes it, so that nothing is left.
				{ConfigDirectory: s.Directory(t, "testdata/empty")},
			},
		})
	})
}
