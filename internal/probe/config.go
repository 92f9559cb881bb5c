package probe

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

// Config is what a probe run needs: the Developer API of one project, and
// the Braze credentials a Braze destination is made with.
type Config struct {
	// DeveloperAPIURL is the API's root (https://developer-api.amplitude.com).
	DeveloperAPIURL string
	AccessToken     string
	ProjectID       string
	// BrazeRESTEndpoint, BrazeAPIKey and BrazeAppID make the probe's Braze
	// event stream: Amplitude checks the key (users.track) when it is given.
	BrazeRESTEndpoint string
	BrazeAPIKey       string
	BrazeAppID        string
}

// The environment variables a run reads: the providers' own, and
// BRAZE_APP_ID, which only a Braze destination needs.
const (
	EnvAccessToken     = "AMPLITUDE_ACCESS_TOKEN"
	EnvCLIAccessToken  = "AMP_TOKEN"
	EnvProjectID       = "AMPLITUDE_PROJECT_ID"
	EnvRegion          = "AMPLITUDE_REGION"
	EnvDeveloperAPIURL = "AMPLITUDE_DEVELOPER_API_URL"
	EnvBrazeEndpoint   = "BRAZE_REST_ENDPOINT"
	EnvBrazeAPIKey     = "BRAZE_API_KEY"
	EnvBrazeAppID      = "BRAZE_APP_ID"
)

var (
	digits = regexp.MustCompile(`^[0-9]+$`)
	uuid   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// ConfigFromEnv reads a Config through getenv, naming every variable that
// is missing or wrong at once, before anything is sent. It never quotes a
// secret.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	var problems []string
	value := func(name string) string { return strings.TrimSpace(getenv(name)) }
	cfg := Config{
		AccessToken:       cmp.Or(value(EnvAccessToken), value(EnvCLIAccessToken)),
		ProjectID:         value(EnvProjectID),
		BrazeRESTEndpoint: value(EnvBrazeEndpoint),
		BrazeAPIKey:       value(EnvBrazeAPIKey),
		BrazeAppID:        value(EnvBrazeAppID),
	}
	var missing []string
	for _, v := range []struct{ name, value string }{
		{EnvAccessToken + " (or " + EnvCLIAccessToken + ")", cfg.AccessToken}, {EnvProjectID, cfg.ProjectID},
		{EnvBrazeEndpoint, cfg.BrazeRESTEndpoint}, {EnvBrazeAPIKey, cfg.BrazeAPIKey}, {EnvBrazeAppID, cfg.BrazeAppID},
	} {
		if v.value == "" {
			missing = append(missing, v.name)
		}
	}
	if len(missing) > 0 {
		problems = append(problems, "missing: "+strings.Join(missing, ", "))
	}
	if cfg.ProjectID != "" && !digits.MatchString(cfg.ProjectID) {
		problems = append(problems, fmt.Sprintf("%s %q is not a project's numeric id", EnvProjectID, cfg.ProjectID))
	}
	if cfg.BrazeAppID != "" && !uuid.MatchString(cfg.BrazeAppID) {
		problems = append(problems, fmt.Sprintf("%s %q is not a Braze app identifier (a UUID)", EnvBrazeAppID, cfg.BrazeAppID))
	}
	if cfg.BrazeRESTEndpoint != "" {
		if err := validators.CheckServiceURL(cfg.BrazeRESTEndpoint); err != nil {
			problems = append(problems, EnvBrazeEndpoint+": "+err.Error())
		}
	}
	cfg.DeveloperAPIURL = value(EnvDeveloperAPIURL)
	if cfg.DeveloperAPIURL == "" {
		region, err := facts.CanonicalAmplitudeRegion(cmp.Or(value(EnvRegion), "US"))
		if err != nil {
			problems = append(problems, EnvRegion+": "+err.Error())
		}
		cfg.DeveloperAPIURL = facts.AmplitudeDeveloperAPIHosts[region]
	} else if err := validators.CheckServiceURL(cfg.DeveloperAPIURL); err != nil {
		problems = append(problems, EnvDeveloperAPIURL+": "+err.Error())
	}
	if len(problems) > 0 {
		return Config{}, fmt.Errorf("make probe cannot start: %s", strings.Join(problems, "; "))
	}
	return cfg, nil
}
