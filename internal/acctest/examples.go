package acctest

import (
	"cmp"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/zclconf/go-cty/cty"

	"github.com/hashicorp/terraform-plugin-testing/config"
)

// examplesRoot is the repository's examples/ folder, found from this file so
// that tests in any package reach it.
var examplesRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "examples")
}()

// Setting changes what Directory and File put together for a step: one
// argument of a provider block, no provider blocks at all, or the files of
// a shared folder.
type Setting struct {
	provider, argument string
	value              any
	// own leaves the provider blocks to the test's configuration.
	own bool
	// include is a folder whose .tf files join the configuration.
	include string
}

// Amplitude sets argument of the amplitude provider block to value, for a
// test of another token or retry count than the sandbox's defaults.
func Amplitude(argument string, value any) Setting {
	return Setting{provider: "amplitude", argument: argument, value: value}
}

// Braze sets argument of the braze provider block to value.
func Braze(argument string, value any) Setting {
	return Setting{provider: "braze", argument: argument, value: value}
}

// OwnProviders leaves the provider blocks to the test's configuration, for
// the tests of the provider blocks themselves. Their arguments can still
// come from local.sandbox.
func OwnProviders() Setting { return Setting{own: true} }

// Include adds the .tf files of dir to the configuration, for the
// resources that several tests' configurations share.
func Include(dir string) Setting { return Setting{include: dir} }

// sandboxJSON is a sandbox.tf.json for a test's configuration. It declares
// both providers where the testing framework serves them (provider
// functions need the declaration, and a directory configuration gets none
// from the framework). It points both providers at this sandbox, with
// few retries so that a test of a failure fails fast. It holds the
// sandbox's seeded credentials and addresses as local.sandbox, so that a
// configuration that needs one names it rather than repeating its value.
// It is JSON, which Terraform and OpenTofu both read, so that no HCL is
// built from Go strings. In live mode it is liveJSON's instead.
func (s *Sandbox) sandboxJSON(settings []Setting) ([]byte, error) {
	if s.live {
		return s.liveJSON(settings)
	}
	providers := s.providers()
	return configurationJSON(settings, providers, map[string]string{
		"amplitude_url":         s.AmplitudeURL,
		"amplitude_api_key":     AmplitudeAPIKey,
		"amplitude_secret_key":  AmplitudeSecretKey,
		"developer_api_url":     s.DeveloperURL,
		"developer_token":       DeveloperToken,
		"read_only_token":       ReadOnlyToken,
		"project_id":            ProjectID,
		"braze_url":             s.BrazeURL,
		"braze_admin_key":       BrazeAdminKey,
		"braze_app_id":          BrazeAppID,
		"braze_endpoint":        BrazeEndpoint,
		"braze_data_import_key": BrazeDataImportKey,
	})
}

// providers returns the arguments of both provider blocks for this
// sandbox: its addresses and credentials, with few retries so that a test
// of a failure fails fast. In live mode it returns only the retries
// (liveProviders).
func (s *Sandbox) providers() map[string]map[string]any {
	if s.live {
		return liveProviders()
	}
	return map[string]map[string]any{
		"amplitude": {
			"api_key":           AmplitudeAPIKey,
			"secret_key":        AmplitudeSecretKey,
			"base_url":          s.AmplitudeURL,
			"access_token":      DeveloperToken,
			"project_id":        ProjectID,
			"developer_api_url": s.DeveloperURL,
			"max_retries":       3,
		},
		"braze": {
			"rest_endpoint": s.BrazeURL,
			"api_key":       BrazeAdminKey,
			"max_retries":   3,
		},
	}
}

// Query returns the text of file, a .tfquery.hcl file of the test's
// testdata, after both provider blocks, for a query step. The testing
// framework takes a query step's configuration only as text, and deletes
// the .json files of the step before, sandbox.tf.json among them. So the
// provider blocks go into the text, as HCL that hclwrite writes from their
// values rather than HCL built from Go strings.
func (s *Sandbox) Query(t testing.TB, file string) string {
	t.Helper()
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	providers := s.providers()
	blocks := hclwrite.NewEmptyFile()
	for _, name := range slices.Sorted(maps.Keys(providers)) {
		block := blocks.Body().AppendNewBlock("provider", []string{name}).Body()
		for _, argument := range slices.Sorted(maps.Keys(providers[name])) {
			switch value := providers[name][argument].(type) {
			case string:
				block.SetAttributeValue(argument, cty.StringVal(value))
			case int:
				block.SetAttributeValue(argument, cty.NumberIntVal(int64(value)))
			default:
				t.Fatalf("provider %q, %s: a value of type %T", name, argument, value)
			}
		}
	}
	return string(blocks.Bytes()) + "\n" + string(body)
}

// configurationJSON is a sandbox.tf.json's content: both providers
// declared, the provider blocks with settings applied, and locals as
// local.sandbox.
func configurationJSON(settings []Setting, providers map[string]map[string]any, locals map[string]string) ([]byte, error) {
	host := cmp.Or(os.Getenv("TF_ACC_PROVIDER_HOST"), "registry.terraform.io")
	namespace := cmp.Or(os.Getenv("TF_ACC_PROVIDER_NAMESPACE"), "hashicorp")
	file := map[string]any{
		"terraform": map[string]any{"required_providers": map[string]any{
			"amplitude": map[string]string{"source": host + "/" + namespace + "/amplitude"},
			"braze":     map[string]string{"source": host + "/" + namespace + "/braze"},
		}},
		"locals": map[string]any{"sandbox": locals},
	}
	own := false
	for _, setting := range settings {
		switch {
		case setting.own:
			own = true
			continue
		case setting.include != "":
			continue
		}
		providers[setting.provider][setting.argument] = setting.value
	}
	if !own {
		file["provider"] = providers
	}
	return json.MarshalIndent(file, "", "  ")
}

// ExampleDir is the folder of examples/dir, for tests that copy it
// themselves (CLIDir).
func ExampleDir(dir string) string { return filepath.Join(examplesRoot, dir) }

// Example is a ConfigDirectory holding the .tf files of examples/dir exactly
// as a user copies them, beside a sandbox.tf.json that points both
// providers at this sandbox. Acceptance tests of what an example shows run
// the example itself, so that an example that stops working fails a test.
func (s *Sandbox) Example(t testing.TB, dir string) config.TestStepConfigFunc {
	t.Helper()
	return s.Directory(t, ExampleDir(dir))
}

// Directory is a ConfigDirectory holding the .tf files of dir (a test's
// testdata folder, relative to its package) beside a sandbox.tf.json that
// points both providers at this sandbox, with settings applied: a test's
// configuration stays in files of its own and needs no credentials.
// Values that vary between steps go in the step's ConfigVariables.
func (s *Sandbox) Directory(t testing.TB, dir string, settings ...Setting) config.TestStepConfigFunc {
	t.Helper()
	return s.configuration(t, filepath.Join(dir, "*.tf"), settings)
}

// File is like Directory, but for the single configuration file file. It
// suits tests whose configurations are small enough to keep many in one
// folder.
func (s *Sandbox) File(t testing.TB, file string, settings ...Setting) config.TestStepConfigFunc {
	t.Helper()
	return s.configuration(t, file, settings)
}

// configuration copies the .tf files that pattern matches, and those of the
// folders that settings include, into a folder of their own beside a
// sandbox.tf.json, and returns that folder.
func (s *Sandbox) configuration(t testing.TB, pattern string, settings []Setting) config.TestStepConfigFunc {
	t.Helper()
	work := t.TempDir()
	s.writeConfiguration(t, work, []string{pattern}, settings)
	return config.StaticDirectory(work)
}

// writeConfiguration copies into work the files that patterns match, and
// the .tf files of the folders that settings include, beside a
// sandbox.tf.json.
func (s *Sandbox) writeConfiguration(t testing.TB, work string, patterns []string, settings []Setting) {
	t.Helper()
	for _, setting := range settings {
		if setting.include != "" {
			patterns = append(patterns, filepath.Join(setting.include, "*.tf"))
		}
	}
	copyConfig(t, work, patterns)
	sandbox, err := s.sandboxJSON(settings)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "sandbox.tf.json"), sandbox, 0o600); err != nil {
		t.Fatal(err)
	}
}

// copyConfig copies the files that patterns match into work. It leaves out
// a resource example's import blocks (import-by-identity.tf), because they
// name an object that exists only in the example's docs.
func copyConfig(t testing.TB, work string, patterns []string) {
	t.Helper()
	var files []string
	for _, pattern := range patterns {
		found, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	if len(files) == 0 {
		t.Fatalf("no files match %s", strings.Join(patterns, " or "))
	}
	copied := map[string]string{}
	for _, file := range files {
		name := filepath.Base(file)
		if strings.HasPrefix(name, "import-by-") {
			continue
		}
		if earlier, ok := copied[name]; ok {
			t.Fatalf("%s and %s have the same name: rename one, since a configuration's files share one folder", earlier, file)
		}
		copied[name] = file
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, name), body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// ExampleCase returns a test case for the example at dir, applied with vars
// in a sandbox of its own. The case has one step, which applies the example
// and runs checks; the framework then plans again, expecting nothing to do,
// and destroys it. The case is skipped under a CLI that lacks one of needs.
// Add a Check to the step to assert on what the vendor holds.
func ExampleCase(t testing.TB, dir string, vars config.Variables, needs []tfversion.TerraformVersionCheck, checks ...statecheck.StateCheck) (*Sandbox, resource.TestCase) {
	t.Helper()
	return exampleCase(t, NewSandbox(t), dir, vars, needs, checks...)
}

// LiveExampleCase is ExampleCase on NewTarget, so that the example runs
// live too. It suits an example that creates nothing (a data source, a
// function), with checks that hold in any project.
func LiveExampleCase(t testing.TB, dir string, vars config.Variables, needs []tfversion.TerraformVersionCheck, checks ...statecheck.StateCheck) (*Sandbox, resource.TestCase) {
	t.Helper()
	return exampleCase(t, NewTarget(t), dir, vars, needs, checks...)
}

func exampleCase(t testing.TB, s *Sandbox, dir string, vars config.Variables, needs []tfversion.TerraformVersionCheck, checks ...statecheck.StateCheck) (*Sandbox, resource.TestCase) {
	t.Helper()
	return s, resource.TestCase{
		TerraformVersionChecks: needs,
		Steps: []resource.TestStep{{
			// The providers are set on the step, not on the case. A test
			// may add steps to this case, the testing framework wants every
			// step's providers set in the same place, and the step is the
			// place that also works for a step whose configuration holds
			// provider blocks of its own.
			ProtoV6ProviderFactories: ProviderFactories,
			ConfigDirectory:          s.Example(t, dir),
			ConfigVariables:          vars,
			ConfigStateChecks:        checks,
		}},
	}
}
