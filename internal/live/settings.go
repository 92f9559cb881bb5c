// Package live points the acceptance tests at the vendors themselves: it
// reads the providers' own environment variables, checks them with
// read-only calls before anything is written (Preflight), names every
// object a run makes with one prefix (NewPrefix), and removes what carries
// that prefix afterwards (Sweep). It knows the vendor clients, nothing of
// Terraform or of the sandbox.
package live

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// The providers' environment variables a live run reads: the same names
// users set (README › Configuration), so that a live run configures the
// providers exactly as a user's shell would.
const (
	EnvAccessToken     = "AMPLITUDE_ACCESS_TOKEN"
	EnvProjectID       = "AMPLITUDE_PROJECT_ID"
	EnvAPIKey          = "AMPLITUDE_API_KEY"
	EnvSecretKey       = "AMPLITUDE_SECRET_KEY"
	EnvRegion          = "AMPLITUDE_REGION"
	EnvBaseURL         = "AMPLITUDE_BASE_URL"
	EnvDeveloperAPIURL = "AMPLITUDE_DEVELOPER_API_URL"
	EnvBrazeEndpoint   = "BRAZE_REST_ENDPOINT"
	EnvBrazeKey        = "BRAZE_API_KEY"
)

// The variables of the harness itself.
const (
	// EnvLive set to 1 turns the acceptance tests live.
	EnvLive = "TF_ACC_LIVE"
	// EnvPrefix is the run's prefix, shared by every test package of one
	// run; scripts/test-live.sh sets it.
	EnvPrefix = "TF_ACC_LIVE_PREFIX"
	// EnvModelled set to 1 also runs the tests of modelled endpoints
	// (syncs, Braze API keys), which only a sandbox or a gateway serves.
	EnvModelled = "TF_ACC_LIVE_MODELLED"
)

// required are the variables a live run cannot do without, in the order a
// message lists them.
var required = []string{EnvAccessToken, EnvProjectID, EnvAPIKey, EnvSecretKey, EnvBrazeEndpoint, EnvBrazeKey}

// Settings are the hosts and credentials of one live run.
type Settings struct {
	AccessToken, ProjectID  string
	APIKey, SecretKey       string
	BasicURL, DeveloperURL  string
	BrazeEndpoint, BrazeKey string
}

// Enabled says whether the tests run live.
func Enabled() bool { return os.Getenv(EnvLive) == "1" }

// ModelledIncluded says whether a live run also runs the tests of
// modelled endpoints.
func ModelledIncluded() bool { return os.Getenv(EnvModelled) == "1" }

// FromEnv reads the settings, naming every variable that is missing and
// every value that is malformed, before any request.
func FromEnv() (Settings, error) {
	var missing []string
	for _, name := range required {
		if strings.TrimSpace(os.Getenv(name)) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return Settings{}, fmt.Errorf("live mode needs %s set (README › Testing against the real vendors)", strings.Join(missing, ", "))
	}
	s := Settings{
		AccessToken: os.Getenv(EnvAccessToken), ProjectID: os.Getenv(EnvProjectID),
		APIKey: os.Getenv(EnvAPIKey), SecretKey: os.Getenv(EnvSecretKey),
		BrazeEndpoint: os.Getenv(EnvBrazeEndpoint), BrazeKey: os.Getenv(EnvBrazeKey),
	}
	var problems []error
	region := "US"
	if raw := os.Getenv(EnvRegion); raw != "" {
		var err error
		if region, err = facts.CanonicalAmplitudeRegion(raw); err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", EnvRegion, err))
		}
	}
	s.BasicURL = orDefault(os.Getenv(EnvBaseURL), facts.AmplitudeHosts[region])
	s.DeveloperURL = orDefault(os.Getenv(EnvDeveloperAPIURL), facts.AmplitudeDeveloperAPIHosts[region])
	for _, u := range []struct{ name, value string }{{EnvBaseURL, s.BasicURL}, {EnvDeveloperAPIURL, s.DeveloperURL}, {EnvBrazeEndpoint, s.BrazeEndpoint}} {
		// An unknown region, reported above, leaves its hosts empty.
		if u.value == "" {
			continue
		}
		if err := checkURL(u.value); err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", u.name, err))
		}
	}
	if !regexp.MustCompile(`^[0-9]+$`).MatchString(s.ProjectID) {
		problems = append(problems, fmt.Errorf("%s is %q; expected the project's numeric id", EnvProjectID, s.ProjectID))
	}
	return s, errors.Join(problems...)
}

func orDefault(value, fallback string) string {
	if value != "" {
		return value
	}
	return fallback
}

// checkURL accepts an https:// URL, or an http:// one on a loopback host
// (a sandbox started beside the run), as the providers do.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return fmt.Errorf("%q is not an https:// URL", transport.RedactURL(raw))
	}
	if u.Scheme == "https" {
		return nil
	}
	if ip := net.ParseIP(u.Hostname()); u.Scheme == "http" && (u.Hostname() == "localhost" || (ip != nil && ip.IsLoopback())) {
		return nil
	}
	return fmt.Errorf("%q must be https:// (http:// only on a loopback host)", transport.RedactURL(raw))
}

// Clients are the vendor clients of a run, each holding the run's
// credentials.
type Clients struct {
	Developer *developer.Client
	Amplitude *amplitude.Client
	Braze     *braze.Client
}

// Clients builds the run's clients, with few retries: a live run reports
// a failing vendor rather than waiting it out.
func (s Settings) Clients() (Clients, error) {
	retries := transport.Config{MaxRetries: 2}
	var c Clients
	var err error
	if c.Developer, err = developer.New(developer.Config{BaseURL: s.DeveloperURL, AccessToken: s.AccessToken, ProjectID: s.ProjectID, Transport: retries}); err != nil {
		return c, err
	}
	if c.Amplitude, err = amplitude.New(amplitude.Config{BaseURL: s.BasicURL, APIKey: s.APIKey, SecretKey: s.SecretKey, Transport: retries}); err != nil {
		return c, err
	}
	c.Braze, err = braze.New(braze.Config{RESTEndpoint: s.BrazeEndpoint, APIKey: s.BrazeKey, Transport: retries})
	return c, err
}

// PrefixStem starts every run's prefix, so that one search finds what any
// run left behind.
const PrefixStem = "tfacc-"

var prefixPattern = regexp.MustCompile(`^tfacc-[0-9a-f]{8}-$`)

// NewPrefix returns a fresh run prefix, tfacc-<8 hex digits>-.
func NewPrefix() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return PrefixStem + hex.EncodeToString(b) + "-"
}

// CheckPrefix refuses a prefix that is not one NewPrefix makes, so that a
// sweep can never match names a person chose.
func CheckPrefix(prefix string) error {
	if !prefixPattern.MatchString(prefix) && prefix != PrefixStem {
		return fmt.Errorf("%q is not a run prefix (tfacc-<8 hex digits>-, or tfacc- for every run)", prefix)
	}
	return nil
}
