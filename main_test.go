package main

import "testing"

func TestProviderFromExecutable(t *testing.T) {
	valid := map[string]string{
		"terraform-provider-amplitude":                    "amplitude",
		"/plugins/terraform-provider-braze":               "braze",
		"terraform-provider-amplitude_v1.2.3":             "amplitude",
		"terraform-provider-braze_v0.1.0-rc.1":            "braze",
		`C:\tf\terraform-provider-braze_v1.0.0.exe`:       "braze",
		"terraform-provider-amplitude.exe":                "amplitude",
		"/x/y/terraform-provider-braze_v10.20.30+build.7": "braze",
	}
	for exe, want := range valid {
		got, err := providerFromExecutable(exe)
		if err != nil || got != want {
			t.Errorf("providerFromExecutable(%q) = %q, %v; want %q", exe, got, err, want)
		}
	}
	for _, exe := range []string{"terraform-provider-ampbraze", "terraform-provider-segment", "amplitude", "terraform-provider-braze-v1", "main"} {
		if got, err := providerFromExecutable(exe); err == nil {
			t.Errorf("providerFromExecutable(%q) = %q; want an error", exe, got)
		}
	}
}

func FuzzProviderFromExecutable(f *testing.F) {
	for _, seed := range []string{"terraform-provider-amplitude_v1.2.3", "terraform-provider-braze.exe", "x", `C:\a\terraform-provider-braze`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, exe string) {
		name, err := providerFromExecutable(exe)
		if err == nil && name != "amplitude" && name != "braze" {
			t.Fatalf("providerFromExecutable(%q) = %q", exe, name)
		}
	})
}
