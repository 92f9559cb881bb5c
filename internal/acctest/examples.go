package acctest

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/hashicorp/terraform-plugin-testing/config"
)

// examplesRoot is the repository's examples/ folder, found from this file so
// that tests in any package reach it.
var examplesRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "examples")
}()

// requiredProviders declares both providers where the testing framework
// serves them: provider functions need the declaration, and a directory
// configuration gets none from the framework.
func requiredProviders() string {
	host := cmp.Or(os.Getenv("TF_ACC_PROVIDER_HOST"), "registry.terraform.io")
	namespace := cmp.Or(os.Getenv("TF_ACC_PROVIDER_NAMESPACE"), "hashicorp")
	return fmt.Sprintf(`terraform {
  required_providers {
    amplitude = { source = "%[1]s/%[2]s/amplitude" }
    braze     = { source = "%[1]s/%[2]s/braze" }
  }
}
`, host, namespace)
}

// ExampleDir is the folder of examples/dir, for tests that copy it
// themselves (CLIDir).
func ExampleDir(dir string) string { return filepath.Join(examplesRoot, dir) }

// Example is a ConfigDirectory holding the .tf files of examples/dir exactly
// as a user copies them, beside a providers.tf that points both providers at
// this sandbox. Acceptance tests of what an example shows run the example
// itself, so that an example that stops working fails a test.
func (s *Sandbox) Example(t testing.TB, dir string) config.TestStepConfigFunc {
	t.Helper()
	return s.Directory(t, ExampleDir(dir))
}

// Directory is a ConfigDirectory holding the .tf files of dir (a test's
// testdata folder, relative to its package) beside a providers.tf that
// points both providers at this sandbox: a test's configuration stays in
// files of its own, with only the sandbox's address filled in.
func (s *Sandbox) Directory(t testing.TB, dir string) config.TestStepConfigFunc {
	t.Helper()
	work := t.TempDir()
	copyConfig(t, dir, work, "*.tf")
	if err := os.WriteFile(filepath.Join(work, "providers.tf"), []byte(requiredProviders()+s.ProviderConfig()), 0o600); err != nil {
		t.Fatal(err)
	}
	return config.StaticDirectory(work)
}

// ExampleCase is a test of the example at dir, as applied with vars in a
// sandbox of its own: one step that applies it and runs checks (the
// framework then plans again, expecting nothing to do, and destroys it). It
// skips under a CLI that lacks one of needs. Add a Check to the step to
// assert on what the vendor holds.
func ExampleCase(t testing.TB, dir string, vars config.Variables, needs []tfversion.TerraformVersionCheck, checks ...statecheck.StateCheck) (*Sandbox, resource.TestCase) {
	t.Helper()
	s := NewSandbox(t)
	return s, resource.TestCase{
		TerraformVersionChecks: needs,
		Steps: []resource.TestStep{{
			// With a provider block in the directory, the testing framework
			// takes the providers from the step.
			ProtoV6ProviderFactories: ProviderFactories,
			ConfigDirectory:          s.Example(t, dir),
			ConfigVariables:          vars,
			ConfigStateChecks:        checks,
		}},
	}
}
