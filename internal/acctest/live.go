package acctest

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/live"
)

// Live mode (make test-live, README › Testing against the real vendors)
// runs the tests that opted in with NewTarget against the hosts and
// credentials of the providers' environment variables, instead of a
// sandbox of their own. Every other test skips itself, saying why.

// runPrefix returns the prefix of the names of everything a live run
// creates. scripts/test-live.sh passes one prefix to every test package of
// the run; a test binary started another way makes its own.
var runPrefix = sync.OnceValue(func() string {
	if prefix := os.Getenv(live.EnvPrefix); prefix != "" {
		return prefix
	}
	return live.NewPrefix()
})

// Name returns the name a test gives an object it creates. In live mode it
// is base after the run's prefix (tfacc-<random>-), so that the run's sweep
// finds the object. Against the test's own sandbox it is base itself.
func Name(base string) string {
	if !live.Enabled() {
		return base
	}
	return runPrefix() + base
}

// liveRun returns what every live test of one process shares: the
// settings, checked once, and the pre-flight's verdict.
var liveRun = sync.OnceValues(func() (live.Settings, error) {
	settings, err := live.FromEnv()
	if err != nil {
		return settings, err
	}
	// scripts/test-live.sh runs the pre-flight once for the whole run and
	// passes the prefix it printed, so a set prefix means the pre-flight
	// has run. A live go test started by hand runs it here, once per test
	// binary.
	if os.Getenv(live.EnvPrefix) != "" {
		return settings, nil
	}
	clients, err := settings.Clients()
	if err != nil {
		return settings, err
	}
	return settings, live.Preflight(context.Background(), settings, clients)
})

// NewTarget returns what a test runs against: a sandbox of its own, or in
// live mode the hosts the environment names. A test that calls it promises
// to name what it creates with Name, and to reach the sandbox only through
// the Sandbox's accessors, which skip the test in live mode.
func NewTarget(t testing.TB) *Sandbox {
	t.Helper()
	if !live.Enabled() {
		return NewSandbox(t)
	}
	settings, err := liveRun()
	if err != nil {
		t.Fatal(err)
	}
	clients, err := settings.Clients()
	if err != nil {
		t.Fatal(err)
	}
	return &Sandbox{
		t:    t,
		live: true, AmplitudeURL: settings.BasicURL, DeveloperURL: settings.DeveloperURL, BrazeURL: settings.BrazeEndpoint,
		amplitude: clients.Amplitude, developer: clients.Developer, braze: clients.Braze,
	}
}

// NewModelledTarget is NewTarget for a test of the modelled endpoints
// (amplitude_sync's /api/2/syncs, braze_api_key's /api_keys/*), which the
// vendors do not serve. In live mode it skips the test unless
// TF_ACC_LIVE_MODELLED=1 says the hosts serve them (a sandbox, a gateway).
func NewModelledTarget(t testing.TB) *Sandbox {
	t.Helper()
	skipModelled(t)
	return NewTarget(t)
}

func skipModelled(t testing.TB) {
	t.Helper()
	if live.Enabled() && !live.ModelledIncluded() {
		t.Skip("live mode: tests a modelled endpoint (syncs, Braze API keys), which Amplitude and Braze do not serve; " +
			live.EnvModelled + "=1 runs it against hosts that do")
	}
}

// skipLiveForSandbox skips a test in live mode at the point it asks for
// something only the sandbox has.
func skipLiveForSandbox(t testing.TB, what string) {
	t.Helper()
	if live.Enabled() {
		t.Skip("live mode: needs the sandbox's " + what + ", which the vendors do not offer")
	}
}

// liveJSON is what sandboxJSON writes in live mode. Its provider blocks hold
// no credential and no address: the providers read them from the
// environment, as from a user's shell, because Terraform may quote a
// configuration in an error. A test whose settings set a credential or an
// address is skipped, because it needs the sandbox's; a setting of
// behaviour (retries, timeouts, dry runs) is applied. A test that brings
// provider blocks of its own is skipped too. local.sandbox holds only the
// values that a destination's configuration passes into Amplitude as they
// are (the Braze instance, app and keys that a test's destinations name),
// and none of the sandbox's credentials or addresses.
func (s *Sandbox) liveJSON(settings []Setting) ([]byte, error) {
	s.t.Helper()
	for _, setting := range settings {
		switch {
		case setting.own:
			s.t.Skip("live mode: brings provider blocks of its own, with the sandbox's credentials")
		case setting.include == "" && !liveSettable[setting.argument]:
			s.t.Skipf("live mode: sets the %s provider's %s, which the run takes from the environment", setting.provider, setting.argument)
		}
	}
	return configurationJSON(settings, liveProviders(), map[string]string{
		"braze_endpoint":        BrazeEndpoint,
		"braze_app_id":          BrazeAppID,
		"braze_admin_key":       BrazeAdminKey,
		"braze_data_import_key": BrazeDataImportKey,
	})
}

// liveProviders returns the arguments of both provider blocks in live
// mode: only max_retries, because everything else comes from the
// environment.
func liveProviders() map[string]map[string]any {
	return map[string]map[string]any{"amplitude": {"max_retries": 3}, "braze": {"max_retries": 3}}
}

// liveSettable lists the provider arguments a live test may set: those of
// behaviour, not of credentials or addresses.
var liveSettable = map[string]bool{"max_retries": true, "request_timeout": true, "dry_run_on_plan": true}
