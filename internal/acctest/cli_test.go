package acctest

import (
	"testing"

	"github.com/hashicorp/go-version"
)

func TestCLIFeatureSupportedBy(t *testing.T) {
	for _, tc := range []struct {
		feature  CLIFeature
		opentofu bool
		version  string
		want     bool
	}{
		{ProviderFunctions, false, "1.5.7", false},
		{ProviderFunctions, false, "1.7.5", false},
		{ProviderFunctions, false, "1.8.0-rc1", true},
		{ProviderFunctions, false, "1.8.5", true},
		{ProviderFunctions, true, "1.6.2", false},
		{ProviderFunctions, true, "1.7.0", true},
		{WriteOnlyAttributes, false, "1.10.5", false},
		{WriteOnlyAttributes, false, "1.11.0", true},
		{WriteOnlyAttributes, true, "1.10.7", false},
		{WriteOnlyAttributes, true, "1.12.6", true},
		{Actions, false, "1.13.5", false},
		{Actions, false, "1.14.0", true},
		{Actions, false, "1.16.2", true},
		{Actions, true, "1.12.6", false},
		{ActionCaller, false, "1.15.4", false},
		{ActionCaller, false, "1.16.0", true},
		{ActionCaller, true, "1.12.6", false},
	} {
		cli := "Terraform"
		if tc.opentofu {
			cli = "OpenTofu"
		}
		if got := tc.feature.supportedBy(tc.opentofu, version.Must(version.NewVersion(tc.version))); got != tc.want {
			t.Errorf("%s %s has %s: got %v, want %v", cli, tc.version, tc.feature.Name, got, tc.want)
		}
	}
}
