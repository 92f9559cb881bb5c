package live

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// scopes are the Developer API scopes the live tests use: they read the
// project, write destinations and write the tracking plan.
var scopes = []string{developer.ScopeProjectsRead, developer.ScopeDestinationsRead, developer.ScopeDestinationsWrite,
	developer.ScopeTaxonomyRead, developer.ScopeTaxonomyWrite}

// Preflight asks each vendor one read-only question with the run's
// credentials, so that a token for the wrong region, a token without the
// scopes the tests need, keys for another project or instance, or an
// endpoint that is no vendor stops the run before anything is written. The
// error says which setting is wrong; it never quotes a secret.
func Preflight(ctx context.Context, s Settings, c Clients) error {
	var problems []error
	tc, err := c.Developer.Context(ctx)
	switch {
	case err != nil:
		problems = append(problems, explain(err, EnvAccessToken, s.DeveloperURL,
			"a token of another region ("+EnvRegion+") or an expired one"))
	case tc == nil:
		problems = append(problems, fmt.Errorf("%s may not read its own context at %s: it lacks %s; the live tests need %s",
			EnvAccessToken, s.DeveloperURL, developer.ScopeProjectsRead, strings.Join(scopes, ", ")))
	default:
		var lacking []string
		for _, scope := range scopes {
			if !slices.Contains(tc.Principal.Scopes, scope) {
				lacking = append(lacking, scope)
			}
		}
		if len(lacking) > 0 {
			problems = append(problems, fmt.Errorf("%s lacks the scopes %s (it holds %s); give the token every one of %s",
				EnvAccessToken, strings.Join(lacking, ", "), strings.Join(tc.Principal.Scopes, ", "), strings.Join(scopes, ", ")))
		} else if projects, err := c.Developer.ListProjects(ctx, ""); err != nil {
			problems = append(problems, explain(err, EnvAccessToken, s.DeveloperURL, "a token that may not list projects"))
		} else if !slices.ContainsFunc(projects, func(p developer.Project) bool { return p.ID == s.ProjectID }) {
			problems = append(problems, fmt.Errorf("%s is %s, which is not among the %d projects %s can see at %s (another region or organisation?)",
				EnvProjectID, s.ProjectID, len(projects), EnvAccessToken, s.DeveloperURL))
		}
	}
	if _, err := c.Amplitude.ListCohorts(ctx); err != nil {
		problems = append(problems, explain(err, EnvAPIKey+"/"+EnvSecretKey, s.BasicURL,
			"keys of another project or region ("+EnvRegion+", "+EnvBaseURL+")"))
	}
	if _, err := c.Braze.ListSegments(ctx); err != nil {
		problems = append(problems, explain(err, EnvBrazeKey, s.BrazeEndpoint,
			"a key of another instance ("+EnvBrazeEndpoint+"), or one without segments.list"))
	}
	if len(problems) > 0 {
		return fmt.Errorf("live pre-flight failed; nothing was written:\n%w", errors.Join(problems...))
	}
	return nil
}

// statusOf reads the HTTP status a vendor client's error carries.
func statusOf(err error) int {
	var answered interface{ HTTPStatus() int }
	if errors.As(err, &answered) {
		return answered.HTTPStatus()
	}
	return 0
}

// explain says which setting a refusal points at: 401 and 403 are the
// credential's, anything else (a host that is no vendor, a 404 at a wrong
// path) the URL's.
func explain(err error, credential, host, likely string) error {
	switch statusOf(err) {
	case http.StatusUnauthorized:
		return fmt.Errorf("%s was refused by %s (401): %s? %w", credential, host, likely, err)
	case http.StatusForbidden:
		return fmt.Errorf("%s may not do this at %s (403): %w", credential, host, err)
	default:
		return fmt.Errorf("%s did not answer as the vendor does: %w", host, err)
	}
}
