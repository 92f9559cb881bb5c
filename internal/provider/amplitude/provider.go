// Package amplitude is the Terraform provider for Amplitude. It manages one
// project's destinations (Braze's and any other partner's), its tracking plan
// (event types, event properties and user properties) and its Audiences
// syncs. Destinations and the tracking plan go through Amplitude's Developer
// API; syncs, cohorts and delivery metrics go through the APIs that take the
// project's Basic credentials (API key and secret key).
package amplitude

import (
	"context"
	"fmt"
	"os"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Environment variables read when the provider block leaves an attribute out.
const (
	EnvAPIKey          = "AMPLITUDE_API_KEY"
	EnvSecretKey       = "AMPLITUDE_SECRET_KEY"
	EnvRegion          = "AMPLITUDE_REGION"
	EnvBaseURL         = "AMPLITUDE_BASE_URL"
	EnvAccessToken     = "AMPLITUDE_ACCESS_TOKEN"
	EnvProjectID       = "AMPLITUDE_PROJECT_ID"
	EnvDeveloperAPIURL = "AMPLITUDE_DEVELOPER_API_URL"
	// EnvCLIAccessToken is where Amplitude's own CLI reads a token from.
	EnvCLIAccessToken = "AMP_TOKEN"
)

var (
	_ provider.ProviderWithFunctions     = (*Provider)(nil)
	_ provider.ProviderWithActions       = (*Provider)(nil)
	_ provider.ProviderWithListResources = (*Provider)(nil)
)

// Provider is the amplitude provider.
type Provider struct {
	version string
	// metricsPacer is shared by every client this provider configures, so
	// that all delivery metrics reads of the provider process count against
	// the vendor's per-minute limit together.
	metricsPacer *amplitude.DeliveryMetricsPacer
}

// New returns a factory for the provider at the given version.
func New(version string) func() provider.Provider {
	return NewWithClock(version, nil)
}

// NewWithClock returns a factory like New whose provider paces delivery
// metrics reads by clock; a nil clock means the real one. A test passes the
// sandbox's clock, so that the vendor's one-minute window passes when the
// provider waits for it, instead of in real time.
func NewWithClock(version string, clock amplitude.Clock) func() provider.Provider {
	return func() provider.Provider {
		return &Provider{version: version, metricsPacer: amplitude.NewDeliveryMetricsPacer(clock)}
	}
}

type providerModel struct {
	APIKey          types.String `tfsdk:"api_key"`
	SecretKey       types.String `tfsdk:"secret_key"`
	AccessToken     types.String `tfsdk:"access_token"`
	ProjectID       types.String `tfsdk:"project_id"`
	Region          types.String `tfsdk:"region"`
	BaseURL         types.String `tfsdk:"base_url"`
	DeveloperAPIURL types.String `tfsdk:"developer_api_url"`
	DryRunOnPlan    types.Bool   `tfsdk:"dry_run_on_plan"`
	MaxRetries      types.Int64  `tfsdk:"max_retries"`
	RequestTimeout  types.String `tfsdk:"request_timeout"`
}

var projectIDPattern = regexp.MustCompile(`^[0-9]+$`)

func (p *Provider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "amplitude"
	resp.Version = p.version
}

func (p *Provider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages an Amplitude project's Braze destinations, Audiences syncs and taxonomy user properties. " +
			"Destinations go through Amplitude's Developer API (`access_token`, `project_id`); syncs, cohorts, delivery metrics and user properties through the APIs that take the project's `api_key` and `secret_key`. " +
			"Each pair is needed only by the objects that use it.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The project's API key, for syncs, cohorts, delivery metrics and user properties. Defaults to the `" + EnvAPIKey + "` environment variable.",
			},
			"secret_key": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The project's secret key, with `api_key`. Defaults to the `" + EnvSecretKey + "` environment variable.",
			},
			"access_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "A token for Amplitude's Developer API, for destinations: a Personal Access Token (`amp_…`, made in Amplitude under your profile settings › Personal access tokens) or an OAuth access token. " +
					"Plans need the `destinations:read` scope, applies `destinations:write`; the provider checks the token's scopes once per run and names any that is missing. " +
					"Defaults to the `" + EnvAccessToken + "` environment variable, then to `" + EnvCLIAccessToken + "` (the one Amplitude's CLI reads).",
			},
			"project_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The numeric id of the Amplitude project the Developer API works on. Defaults to the `" + EnvProjectID + "` environment variable.",
				Validators:          []validator.String{stringvalidator.RegexMatches(projectIDPattern, "must be the project's numeric id, such as 424242")},
			},
			"region": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The project's data region, `US` (default) or `EU`, in any case; it picks both API hosts. Defaults to the `" + EnvRegion + "` environment variable, which takes the same values.",
				Validators:          []validator.String{validators.AmplitudeRegion()},
			},
			"base_url": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Overrides the region's host of the APIs that take `api_key`, e.g. a gateway or the local sandbox (`http://127.0.0.1:8089/amplitude`). An `https://` URL; `http://` only for loopback hosts. Defaults to the `" + EnvBaseURL + "` environment variable.",
				Validators:          []validator.String{validators.ServiceURL()},
			},
			"developer_api_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Overrides the region's Developer API host (`https://developer-api.amplitude.com`, `https://developer-api.eu.amplitude.com`), e.g. the local sandbox's `http://127.0.0.1:8089/developer-api`. " +
					"An `https://` URL; `http://` only for loopback hosts. Defaults to the `" + EnvDeveloperAPIURL + "` environment variable.",
				Validators: []validator.String{validators.ServiceURL()},
			},
			"dry_run_on_plan": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether a plan that creates or changes a destination asks Amplitude to validate the change (a dry run) and shows its errors on the attributes and its warnings. " +
					"Defaults to `true`. A plan with no destination changes sends no dry run; a token without `destinations:write` skips it with a warning.",
			},
			"max_retries": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: shared.MaxRetriesDescription,
				Validators:          []validator.Int64{shared.MaxRetriesRange()},
			},
			"request_timeout": shared.RequestTimeoutAttribute(),
		},
	}
}

func (p *Provider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	shared.RejectUnknown(&resp.Diagnostics, "amplitude", map[string]types.String{
		"api_key": cfg.APIKey, "secret_key": cfg.SecretKey, "access_token": cfg.AccessToken, "project_id": cfg.ProjectID,
		"region": cfg.Region, "base_url": cfg.BaseURL, "developer_api_url": cfg.DeveloperAPIURL, "request_timeout": cfg.RequestTimeout,
	})
	if cfg.DryRunOnPlan.IsUnknown() {
		resp.Diagnostics.AddAttributeError(path.Root("dry_run_on_plan"), "Unknown provider setting",
			"The amplitude provider's dry_run_on_plan is not known until apply; set it from a value known at plan time.")
	}
	if resp.Diagnostics.HasError() {
		return
	}

	region := "US"
	if raw := shared.StringOrEnv(cfg.Region, EnvRegion); raw != "" {
		var err error
		if region, err = facts.CanonicalAmplitudeRegion(raw); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("region"), "Invalid Amplitude region", fmt.Sprintf("region (or %s): %v", EnvRegion, err))
		}
	}
	basicHost := facts.AmplitudeHosts[region]
	developerHost := facts.AmplitudeDeveloperAPIHosts[region]
	if u := shared.StringOrEnv(cfg.BaseURL, EnvBaseURL); u != "" {
		basicHost = checkedURL(u, "base_url", EnvBaseURL, &resp.Diagnostics)
	}
	if u := shared.StringOrEnv(cfg.DeveloperAPIURL, EnvDeveloperAPIURL); u != "" {
		developerHost = checkedURL(u, "developer_api_url", EnvDeveloperAPIURL, &resp.Diagnostics)
	}
	projectID := shared.StringOrEnv(cfg.ProjectID, EnvProjectID)
	if projectID != "" && !projectIDPattern.MatchString(projectID) {
		resp.Diagnostics.AddAttributeError(path.Root("project_id"), "Invalid Amplitude project id",
			fmt.Sprintf("project_id (or %s) is %q; expected the project's numeric id, such as 424242.", EnvProjectID, projectID))
	}
	if resp.Diagnostics.HasError() {
		return
	}

	transportConfig := transport.Config{
		UserAgent:  "terraform-provider-amplitude/" + p.version,
		MaxRetries: shared.MaxRetries(cfg.MaxRetries),
		Timeout:    shared.RequestTimeout(cfg.RequestTimeout),
		Logger:     shared.TFLogger{},
	}
	data := &clients{dryRunOnPlan: cfg.DryRunOnPlan.IsNull() || cfg.DryRunOnPlan.ValueBool()}

	apiKey := shared.StringOrEnv(cfg.APIKey, EnvAPIKey)
	secretKey := shared.StringOrEnv(cfg.SecretKey, EnvSecretKey)
	if apiKey == "" {
		data.basicMissing = append(data.basicMissing, missingSetting{"api_key", []string{EnvAPIKey}})
	}
	if secretKey == "" {
		data.basicMissing = append(data.basicMissing, missingSetting{"secret_key", []string{EnvSecretKey}})
	}
	if len(data.basicMissing) == 0 {
		client, err := amplitude.New(amplitude.Config{
			BaseURL: basicHost, APIKey: apiKey, SecretKey: secretKey,
			// Batched reads are safe here because a provider process lives
			// for one Terraform command only.
			BatchReads:           true,
			Transport:            transportConfig,
			DeliveryMetricsPacer: p.metricsPacer,
		})
		if err != nil {
			resp.Diagnostics.AddError("Cannot configure the amplitude provider", err.Error())
			return
		}
		data.basic = client
	}

	accessToken := shared.StringOrEnv(cfg.AccessToken, EnvAccessToken)
	if accessToken == "" {
		accessToken = os.Getenv(EnvCLIAccessToken)
	}
	if accessToken == "" {
		data.developerMissing = append(data.developerMissing, missingSetting{"access_token", []string{EnvAccessToken, EnvCLIAccessToken}})
	}
	if projectID == "" {
		data.developerMissing = append(data.developerMissing, missingSetting{"project_id", []string{EnvProjectID}})
	}
	if len(data.developerMissing) == 0 {
		client, err := developer.New(developer.Config{
			BaseURL: developerHost, AccessToken: accessToken, ProjectID: projectID,
			BatchReads: true,
			Transport:  transportConfig,
		})
		if err != nil {
			resp.Diagnostics.AddError("Cannot configure the amplitude provider", err.Error())
			return
		}
		data.developer = client
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ActionData = data
	resp.ListResourceData = data
}

// checkedURL returns raw when it is a usable service URL, and otherwise
// reports it on attribute.
func checkedURL(raw, attribute, env string, diags *diag.Diagnostics) string {
	if err := validators.CheckServiceURL(raw); err != nil {
		diags.AddAttributeError(path.Root(attribute), "Invalid Amplitude URL", attribute+" (or "+env+"): "+err.Error())
	}
	return raw
}

func (p *Provider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewBrazeDestinationResource,
		NewBrazeCohortDestinationResource,
		NewDestinationResource,
		NewSyncResource,
		NewUserPropertyResource,
		NewEventTypeResource,
		NewEventPropertyResource,
	}
}

func (p *Provider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewCohortDataSource,
		NewDestinationTypeDataSource,
		NewProjectDataSource,
		NewEventTypesDataSource,
		NewEventStreamingMetricsDataSource,
		NewDestinationsDataSource,
	}
}

// ListResources are what terraform query lists, one per resource type that
// can be adopted.
func (p *Provider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewBrazeDestinationList,
		NewBrazeCohortDestinationList,
		NewDestinationList,
		NewSyncList,
		NewUserPropertyList,
		NewEventTypeList,
		NewEventPropertyList,
	}
}

func (p *Provider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		NewDestinationTestAction,
	}
}

func (p *Provider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewEgressIPsFunction,
	}
}
