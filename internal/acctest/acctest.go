// Package acctest runs acceptance tests of both providers against an
// in-process sandbox with the real Terraform or OpenTofu CLI
// (TF_ACC_TERRAFORM_PATH), or in live mode (live.go) against the vendors.
package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	amplitudeprovider "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude"
	brazeprovider "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// The sandbox's seeded credentials and objects, as the sandbox exports them
// (README › Sandbox), so that no test repeats them.
const (
	AmplitudeAPIKey    = sandbox.AmplitudeAPIKey
	AmplitudeSecretKey = sandbox.AmplitudeSecretKey
	// DeveloperToken holds every Developer API scope; ReadOnlyToken only
	// the read scopes.
	DeveloperToken = sandbox.DeveloperAPIAdminToken
	ReadOnlyToken  = sandbox.DeveloperAPIReadOnlyToken
	ProjectID      = sandbox.AmplitudeProjectID
	BrazeAdminKey  = sandbox.BrazeAdminKey
	BrazeAppID     = sandbox.BrazeAppID
	// BrazeEndpoint is the Braze instance the sandbox's Braze stands for.
	BrazeEndpoint = "https://rest.iad-05.braze.com"
	// BrazeDataImportKey is a cohort destination's data import key. Braze
	// issues these in its dashboard, outside its REST API, so the sandbox
	// seeds none and takes any; tests share this one.
	BrazeDataImportKey = "sandbox-data-import-key"
)

// ProviderFactories serves both providers in-process.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"amplitude": providerserver.NewProtocol6WithError(amplitudeprovider.New("test")()),
	"braze":     providerserver.NewProtocol6WithError(brazeprovider.New("test")()),
}

// ErrorMatching compiles pattern for ExpectError, letting each space match
// any run of white space: Terraform wraps long messages at arbitrary spaces.
func ErrorMatching(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}

// Sandbox is one test's private vendor sandbox.
type Sandbox struct {
	URL          string
	AmplitudeURL string
	DeveloperURL string
	BrazeURL     string
	amplitude    *amplitude.Client
	developer    *developer.Client
	braze        *braze.Client
	server       *httptest.Server
	credentials  *credentialReports
	// live is set by NewTarget in live mode. The accessors of the
	// sandbox's own tools then skip t, the test the sandbox serves.
	live bool
	t    testing.TB
}

// NewSandbox starts a sandbox that stops when the test ends. In live mode
// it skips the test, because a test that calls NewSandbox rather than
// NewTarget has not opted in to live runs.
func NewSandbox(t testing.TB) *Sandbox {
	t.Helper()
	return NewSandboxWithClock(t, nil)
}

// NewSandboxWithClock starts a sandbox that takes the time from now,
// usually a testclock's, so that a test can let scheduled syncs run or
// windows pass without waiting for them.
func NewSandboxWithClock(t testing.TB, now func() time.Time) *Sandbox {
	t.Helper()
	if now != nil {
		skipLiveForSandbox(t, "simulated clock")
	}
	skipLiveForSandbox(t, "seed, faults, control endpoints or statistics (a live test takes acctest.NewTarget)")
	opts := sandbox.Options{Now: now}
	credentials := &credentialReports{disconnected: map[string]bool{}}
	// Every request a provider sends and every answer the sandbox gives
	// is checked against the vendor APIs' documents in api/.
	server := httptest.NewServer(credentials.wrap(contract.Handler(t, sandbox.New(opts))))
	t.Cleanup(server.Close)
	s := &Sandbox{t: t, URL: server.URL, AmplitudeURL: server.URL + "/amplitude", DeveloperURL: server.URL + "/developer-api", BrazeURL: server.URL + "/braze", server: server, credentials: credentials}
	var err error
	s.amplitude, err = amplitude.New(amplitude.Config{BaseURL: s.AmplitudeURL, APIKey: AmplitudeAPIKey, SecretKey: AmplitudeSecretKey,
		Transport: transport.Config{MaxRetries: 2}})
	if err != nil {
		t.Fatal(err)
	}
	s.developer, err = developer.New(developer.Config{BaseURL: s.DeveloperURL, AccessToken: DeveloperToken, ProjectID: ProjectID,
		Transport: transport.Config{MaxRetries: 2}})
	if err != nil {
		t.Fatal(err)
	}
	s.braze, err = braze.New(braze.Config{RESTEndpoint: s.BrazeURL, APIKey: BrazeAdminKey, Transport: transport.Config{MaxRetries: 2}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Close stops the sandbox before the test ends, to test a vendor that is down.
func (s *Sandbox) Close() {
	skipLiveForSandbox(s.t, "power to stop the vendor")
	s.server.Close()
}

// Amplitude returns a client of the APIs that take the project's Basic
// credentials, for out-of-band changes as a user of Amplitude's dashboard
// would make them.
func (s *Sandbox) Amplitude() *amplitude.Client { return s.amplitude }

// Developer returns a Developer API client holding every scope, for
// out-of-band changes of destinations.
func (s *Sandbox) Developer() *developer.Client { return s.developer }

// RemoveDestination deletes a destination, as someone could in Amplitude's
// dashboard. The Developer API offers no way to delete one, so it uses a
// control endpoint of the sandbox.
func (s *Sandbox) RemoveDestination(t testing.TB, id string) {
	t.Helper()
	skipLiveForSandbox(t, "control endpoint that deletes a destination (the Developer API has no delete)")
	req, err := http.NewRequest(http.MethodDelete, s.URL+"/_sandbox/destinations/"+id, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("DELETE /_sandbox/destinations/%s: %s", id, resp.Status)
	}
}

// SetFaults sets the sandbox's injected faults; see PUT /_sandbox/faults.
func (s *Sandbox) SetFaults(t testing.TB, faults map[string]any) {
	t.Helper()
	skipLiveForSandbox(t, "fault injection")
	body, err := json.Marshal(faults)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPut, s.URL+"/_sandbox/faults", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("PUT /_sandbox/faults: %s", resp.Status)
	}
}

// Braze returns a client holding the sandbox's admin key, for the modelled
// API key endpoints. In live mode it skips the test unless
// TF_ACC_LIVE_MODELLED=1 says the hosts serve those endpoints, as
// NewModelledTarget does.
func (s *Sandbox) Braze() *braze.Client {
	s.t.Helper()
	skipModelled(s.t)
	return s.braze
}

// AddCustomAttributes adds count custom attributes to the sandbox's Braze,
// through a control endpoint of the sandbox rather than a Braze API.
func (s *Sandbox) AddCustomAttributes(t testing.TB, count int) {
	t.Helper()
	skipLiveForSandbox(t, "control endpoint that adds custom attributes")
	resp, err := http.Post(s.URL+"/_sandbox/custom_attributes", "application/json", strings.NewReader(fmt.Sprintf(`{"count": %d}`, count)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /_sandbox/custom_attributes: %s", resp.Status)
	}
}

// Stats is the part of GET /_sandbox/stats that tests assert on.
type Stats struct {
	Requests struct {
		ByMethod map[string]int `json:"by_method"`
		ByRoute  map[string]int `json:"by_route"`
	} `json:"requests"`
	Objects map[string]int `json:"objects"`
}

// Writes counts the vendor requests that could have changed something.
func (s Stats) Writes() int {
	return s.Requests.ByMethod[http.MethodPost] + s.Requests.ByMethod[http.MethodPut] + s.Requests.ByMethod[http.MethodPatch] + s.Requests.ByMethod[http.MethodDelete]
}

// Stats reads the sandbox's request and object counts.
func (s *Sandbox) Stats(t testing.TB) Stats {
	t.Helper()
	skipLiveForSandbox(t, "request and object statistics")
	resp, err := http.Get(s.URL + "/_sandbox/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var stats Stats
	if err := json.NewDecoder(resp.Body).Decode(&stats); err != nil {
		t.Fatal(err)
	}
	return stats
}
