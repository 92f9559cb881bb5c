package live

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// sandboxEnv sets the providers' variables to name a sandbox as if it were
// the vendors, as scripts/lib.sh's sandbox_as_vendor does.
func sandboxEnv(t *testing.T) *sandbox.Server {
	t.Helper()
	sb := sandbox.New(sandbox.Options{})
	server := httptest.NewServer(sb)
	t.Cleanup(server.Close)
	for name, value := range map[string]string{
		EnvAccessToken: sandbox.DeveloperAPIAdminToken, EnvProjectID: sandbox.AmplitudeProjectID,
		EnvAPIKey: sandbox.AmplitudeAPIKey, EnvSecretKey: sandbox.AmplitudeSecretKey,
		EnvBaseURL: server.URL + "/amplitude", EnvDeveloperAPIURL: server.URL + "/developer-api",
		EnvBrazeEndpoint: server.URL + "/braze", EnvBrazeKey: sandbox.BrazeAdminKey, EnvRegion: "",
	} {
		t.Setenv(name, value)
	}
	return sb
}

func TestFromEnvNamesEveryMissingVariable(t *testing.T) {
	for _, name := range required {
		t.Setenv(name, "")
	}
	_, err := FromEnv()
	if err == nil {
		t.Fatal("no error without any variable")
	}
	for _, name := range required {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the error does not name %s: %v", name, err)
		}
	}
}

// Each wrong setting stops the pre-flight with an error naming it, before
// a single write, and no error quotes a secret.
func TestPreflightRefusesWrongSettingsBeforeAnyWrite(t *testing.T) {
	cases := map[string]struct {
		env  map[string]string
		want string
	}{
		"a token without the write scopes": {map[string]string{EnvAccessToken: sandbox.DeveloperAPIReadOnlyToken},
			"AMPLITUDE_ACCESS_TOKEN lacks the scopes destinations:write, taxonomy:write"},
		"a token the host does not know (another region)": {map[string]string{EnvAccessToken: "amp_of_another_region"},
			"AMPLITUDE_ACCESS_TOKEN was refused by"},
		"a project the token cannot see": {map[string]string{EnvProjectID: "999"},
			"AMPLITUDE_PROJECT_ID is 999, which is not among"},
		"keys of another project": {map[string]string{EnvSecretKey: "not-the-secret"},
			"AMPLITUDE_API_KEY/AMPLITUDE_SECRET_KEY was refused by"},
		"a Braze key of another instance": {map[string]string{EnvBrazeKey: "not-a-braze-key"},
			"BRAZE_API_KEY was refused by"},
		"an endpoint that is no vendor": {map[string]string{EnvBrazeEndpoint: "http://127.0.0.1:1/braze"},
			"http://127.0.0.1:1/braze did not answer"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			sb := sandboxEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			settings, err := FromEnv()
			if err != nil {
				t.Fatal(err)
			}
			clients, err := settings.Clients()
			if err != nil {
				t.Fatal(err)
			}
			err = Preflight(context.Background(), settings, clients)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("pre-flight error %v, want one saying %q", err, tc.want)
			}
			for _, secret := range []string{settings.AccessToken, settings.SecretKey, settings.BrazeKey} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("the error quotes a secret: %v", err)
				}
			}
			for method, n := range sb.Stats().Requests.ByMethod {
				if method != http.MethodGet && n > 0 {
					t.Errorf("the pre-flight sent %d %s requests", n, method)
				}
			}
		})
	}
}

func TestPreflightPassesRightSettings(t *testing.T) {
	sandboxEnv(t)
	settings, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	clients, err := settings.Clients()
	if err != nil {
		t.Fatal(err)
	}
	if err := Preflight(context.Background(), settings, clients); err != nil {
		t.Fatal(err)
	}
}

// The sweep removes what carries the run's prefix, by each vendor's means,
// and touches nothing else.
func TestSweepRemovesOnlyThePrefix(t *testing.T) {
	sandboxEnv(t)
	ctx := context.Background()
	settings, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	c, err := settings.Clients()
	if err != nil {
		t.Fatal(err)
	}
	prefix := NewPrefix()
	stream := func(name string) *developer.Destination {
		d, err := c.Developer.CreateDestination(ctx, developer.PartnerBraze, developer.BrazeStream{
			Endpoint: "https://rest.iad-05.braze.com", APIKey: sandbox.BrazeAdminKey, AppID: sandbox.BrazeAppID,
			UserIDMapping: developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
			Events:        &developer.BrazeEvents{},
		}.Spec(name, true))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ours, theirs := stream(prefix+"stream"), stream("someone's stream")
	for _, name := range []string{prefix + "Checkout", "Someone's Event"} {
		if _, err := c.Developer.CreateEvent(ctx, name, developer.EventSpec{IsActive: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Developer.CreateEventProperty(ctx, name, "cart_value", developer.PropertySpec{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{prefix + "tier", "someones_tier"} {
		if _, err := c.Developer.CreateUserProperty(ctx, name, developer.PropertySpec{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{prefix + "key", "someone's key"} {
		if _, err := c.Braze.CreateAPIKey(ctx, braze.NewAPIKey{Name: name, Permissions: []string{"users.track"}}); err != nil {
			t.Fatal(err)
		}
	}

	report := Sweep(ctx, c, prefix, true)
	if len(report.Left) != 0 || len(report.Removed) != 5 || len(report.Disabled) != 1 {
		t.Fatalf("report %+v; want 5 removed (a destination disabled, an event property, an event, a user property, a key), 1 disabled, none left", report)
	}

	if d, err := c.Developer.GetDestination(ctx, ours.ID); err != nil || *d.Enabled {
		t.Errorf("the run's destination: %+v, %v; want it disabled", d, err)
	}
	if d, err := c.Developer.GetDestination(ctx, theirs.ID); err != nil || !*d.Enabled {
		t.Errorf("someone's destination: %+v, %v; want it untouched", d, err)
	}
	if _, err := c.Developer.GetEvent(ctx, prefix+"Checkout"); !developer.IsNotFound(err) {
		t.Errorf("the run's event reads after the sweep: %v", err)
	}
	if _, err := c.Developer.GetEventProperty(ctx, "Someone's Event", "cart_value"); err != nil {
		t.Errorf("someone's event property: %v", err)
	}
	if _, err := c.Developer.GetUserProperty(ctx, prefix+"tier"); !developer.IsNotFound(err) {
		t.Errorf("the run's user property reads after the sweep: %v", err)
	}
	if _, err := c.Developer.GetUserProperty(ctx, "someones_tier"); err != nil {
		t.Errorf("someone's user property: %v", err)
	}
	keys, err := c.Braze.ListAPIKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(keys, func(k braze.APIKey) bool { return strings.HasPrefix(k.Name, prefix) }) ||
		!slices.ContainsFunc(keys, func(k braze.APIKey) bool { return k.Name == "someone's key" }) {
		t.Errorf("keys after the sweep: %+v", keys)
	}

	// A second sweep finds nothing more to do.
	if again := Sweep(ctx, c, prefix, true); len(again.Removed) != 0 || len(again.Left) != 0 {
		t.Errorf("second sweep: %+v", again)
	}
}

func TestCheckPrefixRefusesNamesAPersonChose(t *testing.T) {
	for _, prefix := range []string{"", "prod-", "tfacc", "tfacc-1234-", "tfacc-zzzzzzzz-"} {
		if CheckPrefix(prefix) == nil {
			t.Errorf("CheckPrefix(%q) accepted it", prefix)
		}
	}
	for _, prefix := range []string{NewPrefix(), PrefixStem} {
		if err := CheckPrefix(prefix); err != nil {
			t.Errorf("CheckPrefix(%q): %v", prefix, err)
		}
	}
}
