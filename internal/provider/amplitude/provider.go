// Package amplitude is the Terraform provider for Amplitude: the Braze
// destinations, Audiences syncs and taxonomy user properties of one project.
package amplitude

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Environment variables read when the provider block leaves an attribute out.
const (
	EnvAPIKey    = "AMPLITUDE_API_KEY"
	EnvSecretKey = "AMPLITUDE_SECRET_KEY"
	EnvRegion    = "AMPLITUDE_REGION"
	EnvBaseURL   = "AMPLITUDE_BASE_URL"
)

var _ provider.ProviderWithFunctions = (*Provider)(nil)

// Provider is the amplitude provider.
type Provider struct {
	version string
}

// New returns a factory for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &Provider{version: version} }
}

type providerModel struct {
	APIKey     types.String `tfsdk:"api_key"`
	SecretKey  types.String `tfsdk:"secret_key"`
	Region     types.String `tfsdk:"region"`
	BaseURL    types.String `tfsdk:"base_url"`
	MaxRetries types.Int64  `tfsdk:"max_retries"`
}

func (p *Provider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "amplitude"
	resp.Version = p.version
}

func (p *Provider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages an Amplitude project's Braze destinations, Audiences syncs and taxonomy user properties.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The project's API key. Defaults to the `" + EnvAPIKey + "` environment variable.",
			},
			"secret_key": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The project's secret key. Defaults to the `" + EnvSecretKey + "` environment variable.",
			},
			"region": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The project's data region, `US` (default) or `EU`; it picks the API host. Defaults to the `" + EnvRegion + "` environment variable.",
				Validators:          []validator.String{stringvalidator.OneOf("US", "EU")},
			},
			"base_url": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Overrides the region's API host, e.g. a gateway or the local sandbox (`http://127.0.0.1:8089/amplitude`). An `https://` URL; `http://` only for loopback hosts. Defaults to the `" + EnvBaseURL + "` environment variable.",
				Validators:          []validator.String{shared.ServiceURL()},
			},
			"max_retries": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: shared.MaxRetriesDescription,
				Validators:          []validator.Int64{shared.MaxRetriesRange()},
			},
		},
	}
}

func (p *Provider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	shared.RejectUnknown(&resp.Diagnostics, "amplitude", map[string]types.String{"api_key": cfg.APIKey, "secret_key": cfg.SecretKey, "region": cfg.Region, "base_url": cfg.BaseURL})
	if resp.Diagnostics.HasError() {
		return
	}

	apiKey := shared.StringOrEnv(cfg.APIKey, EnvAPIKey)
	secretKey := shared.StringOrEnv(cfg.SecretKey, EnvSecretKey)
	region := strings.ToUpper(shared.StringOrEnv(cfg.Region, EnvRegion))
	baseURL := shared.StringOrEnv(cfg.BaseURL, EnvBaseURL)
	if apiKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing Amplitude API key",
			"Set api_key in the amplitude provider block or the "+EnvAPIKey+" environment variable.")
	}
	if secretKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("secret_key"), "Missing Amplitude secret key",
			"Set secret_key in the amplitude provider block or the "+EnvSecretKey+" environment variable.")
	}
	if region == "" {
		region = "US"
	}
	host, ok := facts.AmplitudeHosts[region]
	if !ok {
		resp.Diagnostics.AddAttributeError(path.Root("region"), "Invalid Amplitude region",
			fmt.Sprintf("region (or %s) is %q; expected US or EU.", EnvRegion, region))
	}
	if baseURL != "" {
		if err := shared.CheckServiceURL(baseURL); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid Amplitude base URL",
				"base_url (or "+EnvBaseURL+"): "+err.Error())
		}
		host = baseURL
	}
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := amplitude.New(amplitude.Config{
		BaseURL:   host,
		APIKey:    apiKey,
		SecretKey: secretKey,
		// A provider process lives for one Terraform command.
		BatchReads: true,
		Transport: transport.Config{
			UserAgent:  "terraform-provider-amplitude/" + p.version,
			MaxRetries: shared.MaxRetries(cfg.MaxRetries),
			Logger:     shared.TFLogger{},
		},
	})
	if err != nil {
		resp.Diagnostics.AddError("Cannot configure the amplitude provider", err.Error())
		return
	}
	resp.ResourceData = client
	resp.DataSourceData = client
}

func (p *Provider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewBrazeDestinationResource,
		NewBrazeCohortDestinationResource,
		NewSyncResource,
		NewUserPropertyResource,
	}
}

func (p *Provider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewCohortDataSource,
		NewEventStreamingMetricsDataSource,
	}
}

func (p *Provider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewEgressIPsFunction,
	}
}

// clientFrom unpacks the client Configure stored; nil before Configure.
func clientFrom(data any, diags *diag.Diagnostics) *amplitude.Client {
	return shared.ClientFrom[amplitude.Client](data, diags)
}
