// Package braze is the Terraform provider for Braze: REST API keys, the
// custom attributes export, and functions that look up vendor facts.
package braze

import (
	"context"

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

	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/shared"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Environment variables read when the provider block leaves an attribute out.
const (
	EnvRESTEndpoint = "BRAZE_REST_ENDPOINT"
	EnvAPIKey       = "BRAZE_API_KEY"
)

var (
	_ provider.ProviderWithFunctions     = (*Provider)(nil)
	_ provider.ProviderWithListResources = (*Provider)(nil)
)

// Provider is the braze provider.
type Provider struct {
	version string
}

// New returns a factory for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &Provider{version: version} }
}

type providerModel struct {
	RESTEndpoint   types.String `tfsdk:"rest_endpoint"`
	APIKey         types.String `tfsdk:"api_key"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

func (p *Provider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "braze"
	resp.Version = p.version
}

func (p *Provider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a Braze workspace's REST API keys and reads its custom attributes.",
		Attributes: map[string]schema.Attribute{
			"rest_endpoint": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The REST endpoint of your Braze instance, e.g. `https://rest.iad-05.braze.com` " +
					"(`provider::braze::rest_endpoint(\"US-05\")` looks it up). An `https://` URL; `http://` only for loopback hosts. Defaults to the `" + EnvRESTEndpoint + "` environment variable.",
				Validators: []validator.String{validators.ServiceURL()},
			},
			"api_key": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "A Braze REST API key with the permissions the managed objects need: `api_keys.create`, `api_keys.info`, `api_keys.delete` and `api_keys.list` for `braze_api_key` (the last finds what a create whose answer was lost made), " +
					"`custom_attributes.get`, `events.get` and `segments.list` for the data sources. A request refused for want of one names it. Defaults to the `" + EnvAPIKey + "` environment variable.",
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
	shared.RejectUnknown(&resp.Diagnostics, "braze", map[string]types.String{"rest_endpoint": cfg.RESTEndpoint, "api_key": cfg.APIKey, "request_timeout": cfg.RequestTimeout})
	if resp.Diagnostics.HasError() {
		return
	}

	endpoint := shared.StringOrEnv(cfg.RESTEndpoint, EnvRESTEndpoint)
	apiKey := shared.StringOrEnv(cfg.APIKey, EnvAPIKey)
	if endpoint == "" {
		resp.Diagnostics.AddAttributeError(path.Root("rest_endpoint"), "Missing Braze REST endpoint",
			"Set rest_endpoint in the braze provider block or the "+EnvRESTEndpoint+" environment variable, e.g. https://rest.iad-05.braze.com.")
	} else if err := validators.CheckServiceURL(endpoint); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("rest_endpoint"), "Invalid Braze REST endpoint",
			"rest_endpoint (or "+EnvRESTEndpoint+"): "+err.Error())
	}
	if apiKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing Braze REST API key",
			"Set api_key in the braze provider block or the "+EnvAPIKey+" environment variable.")
	}
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := braze.New(braze.Config{
		RESTEndpoint: endpoint,
		APIKey:       apiKey,
		Transport: transport.Config{
			UserAgent:  "terraform-provider-braze/" + p.version,
			MaxRetries: shared.MaxRetries(cfg.MaxRetries),
			Timeout:    shared.RequestTimeout(cfg.RequestTimeout),
			Logger:     shared.TFLogger{},
		},
	})
	if err != nil {
		resp.Diagnostics.AddError("Cannot configure the braze provider", err.Error())
		return
	}
	resp.ResourceData = client
	resp.DataSourceData = client
	resp.ListResourceData = client
}

func (p *Provider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewAPIKeyResource,
	}
}

func (p *Provider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewAPIKeyListResource,
	}
}

func (p *Provider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewCustomAttributesDataSource,
		NewCustomEventsDataSource,
		NewSegmentsDataSource,
	}
}

func (p *Provider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		NewRESTEndpointFunction,
		NewPermissionsFunction,
	}
}

// clientFrom returns the client that Configure stored in data, or nil
// before Configure has run.
func clientFrom(data any, diags *diag.Diagnostics) *braze.Client {
	return shared.ClientFrom[braze.Client](data, diags)
}
