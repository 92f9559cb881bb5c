package probe

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// Every open point the document lists has a question, and every question
// a point: a point added to the document without one, or renamed, shows
// here before a run reports it untestable.
func TestEveryOpenPointHasAQuestion(t *testing.T) {
	points, err := Points()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range points {
		names = append(names, p.Name)
		if _, ok := questions[p.Name]; !ok {
			t.Errorf("open point %q has no question in questions.go", p.Name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(questions)) {
		if !slices.Contains(names, name) {
			t.Errorf("question %q answers no open point of the document", name)
		}
	}
}

func TestConfigFromEnvNamesEveryMissingVariable(t *testing.T) {
	_, err := ConfigFromEnv(func(string) string { return "" })
	if err == nil {
		t.Fatal("an empty environment was accepted")
	}
	for _, name := range []string{EnvAccessToken, EnvProjectID, EnvBrazeEndpoint, EnvBrazeAPIKey, EnvBrazeAppID} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the refusal does not name %s: %v", name, err)
		}
	}
}

func TestConfigFromEnvRefusesBadValuesWithoutQuotingSecrets(t *testing.T) {
	env := map[string]string{
		EnvAccessToken: "amp_secret_token", EnvProjectID: "12a", EnvRegion: "mars",
		EnvBrazeEndpoint: "http://rest.iad-01.braze.com", EnvBrazeAPIKey: "braze-secret-key", EnvBrazeAppID: "not-a-uuid",
	}
	_, err := ConfigFromEnv(func(name string) string { return env[name] })
	if err == nil {
		t.Fatal("bad values were accepted")
	}
	for _, want := range []string{EnvProjectID, EnvRegion, EnvBrazeEndpoint, EnvBrazeAppID} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal does not name %s: %v", want, err)
		}
	}
	for _, secret := range []string{"amp_secret_token", "braze-secret-key"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("the refusal quotes a secret: %v", err)
		}
	}
}

func TestConfigFromEnvPicksTheRegionsHost(t *testing.T) {
	env := map[string]string{
		EnvAccessToken: "amp_x", EnvProjectID: "123", EnvRegion: "eu",
		EnvBrazeEndpoint: "https://rest.fra-01.braze.eu", EnvBrazeAPIKey: "k", EnvBrazeAppID: "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b",
	}
	cfg, err := ConfigFromEnv(func(name string) string { return env[name] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DeveloperAPIURL != "https://developer-api.eu.amplitude.com" {
		t.Errorf("DeveloperAPIURL = %q, want the EU host", cfg.DeveloperAPIURL)
	}
}
