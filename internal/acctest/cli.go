package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// CLIFeature is something the providers offer that only newer CLIs can use,
// with the first Terraform and the first OpenTofu release that can; nil
// where no release of that CLI can yet. The README's compatibility table
// lists the same versions.
type CLIFeature struct {
	Name      string
	Terraform *version.Version
	OpenTofu  *version.Version
}

var (
	// ProviderFunctions: provider::NAME::FUNCTION(...) calls.
	ProviderFunctions = CLIFeature{Name: "provider functions", Terraform: tfversion.Version1_8_0, OpenTofu: tfversion.Version1_7_0}
	// WriteOnlyAttributes: the *_wo attributes, kept out of plan and state.
	WriteOnlyAttributes = CLIFeature{Name: "write-only attributes", Terraform: tfversion.Version1_11_0, OpenTofu: tfversion.Version1_11_0}
	// Actions: action blocks, run by a resource's action_trigger or by
	// apply -invoke. OpenTofu has none (opentofu/opentofu#3309; 1.12.6
	// refuses the block).
	Actions = CLIFeature{Name: "actions", Terraform: tfversion.Version1_14_0}
	// ImportForEach: for_each in import blocks, which adopt what a data
	// source lists.
	ImportForEach = CLIFeature{Name: "for_each in import blocks", Terraform: tfversion.Version1_7_0, OpenTofu: tfversion.Version1_7_0}
	// ResourceIdentity: import blocks that name an object by identity
	// (import { identity = { … } }) and identities in state. OpenTofu
	// added them in 1.12.0 (opentofu/opentofu#3671).
	ResourceIdentity = CLIFeature{Name: "resource identity", Terraform: tfversion.Version1_12_0, OpenTofu: tfversion.Version1_12_0}
	// ListResources: list blocks in .tfquery.hcl files, run by terraform
	// query, and its -generate-config-out. OpenTofu has no query command.
	ListResources = CLIFeature{Name: "list resources and terraform query", Terraform: tfversion.Version1_14_0}
	// ActionCaller: an action's configuration reading the resource that
	// triggered it as caller, which Terraform 1.16 added.
	ActionCaller = CLIFeature{Name: "the caller object in actions", Terraform: version.Must(version.NewVersion("1.16.0"))}
)

// SkipWithout skips a test when the CLI under test lacks feature.
func SkipWithout(feature CLIFeature) tfversion.TerraformVersionCheck {
	return featureCheck{feature: feature}
}

// SkipWith skips a test when the CLI under test has feature. It is for the
// tests that pin what a user of an older CLI sees.
func SkipWith(feature CLIFeature) tfversion.TerraformVersionCheck {
	return featureCheck{feature: feature, runWithout: true}
}

type featureCheck struct {
	feature    CLIFeature
	runWithout bool
}

// CheckTerraformVersion implements tfversion.TerraformVersionCheck.
func (c featureCheck) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	opentofu, err := cliIsOpenTofu()
	if err != nil {
		resp.Error = err
		return
	}
	cli := "Terraform"
	if opentofu {
		cli = "OpenTofu"
	}
	switch has := c.feature.supportedBy(opentofu, req.TerraformVersion); {
	case !has && !c.runWithout:
		resp.Skip = fmt.Sprintf("%s %s lacks %s: skipping test", cli, req.TerraformVersion, c.feature.Name)
	case has && c.runWithout:
		resp.Skip = fmt.Sprintf("%s %s has %s: skipping a test of CLIs without them", cli, req.TerraformVersion, c.feature.Name)
	}
}

// supportedBy says whether a CLI of version v has the feature. The version
// alone cannot say: OpenTofu reports its own version number (1.12.6 for
// OpenTofu 1.12.6), and its releases gained features at other numbers than
// Terraform's. A pre-release counts as its release.
func (f CLIFeature) supportedBy(opentofu bool, v *version.Version) bool {
	first := f.Terraform
	if opentofu {
		first = f.OpenTofu
	}
	return first != nil && !v.Core().LessThan(first)
}

// cliIsOpenTofu asks the CLI under test (TF_ACC_TERRAFORM_PATH) what it is,
// once per test binary.
var cliIsOpenTofu = sync.OnceValues(func() (bool, error) {
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		path = "terraform"
	}
	out, err := exec.Command(path, "version").Output()
	if err != nil {
		return false, fmt.Errorf("%s version: %w", path, err)
	}
	return strings.HasPrefix(string(out), "OpenTofu"), nil
})

// SkipUnlessCLIHas skips a test that drives the CLI itself (CLIDir) when
// the CLI under test lacks feature, as SkipWithout does for the testing
// framework's tests.
func SkipUnlessCLIHas(t testing.TB, feature CLIFeature) {
	t.Helper()
	// Like resource.Test, a test that drives the CLI runs only when asked
	// for acceptance tests, so make unit runs none.
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 to run it")
	}
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	out, err := exec.Command(path, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version -json: %v", path, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v", path, err)
	}
	opentofu, err := cliIsOpenTofu()
	if err != nil {
		t.Fatal(err)
	}
	if !feature.supportedBy(opentofu, version.Must(version.NewVersion(v.Version))) {
		t.Skipf("%s %s lacks %s: skipping test", filepath.Base(path), v.Version, feature.Name)
	}
}
