package amplitude

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ datasource.DataSourceWithConfigure        = (*projectDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*projectDataSource)(nil)
)

// NewProjectDataSource is the amplitude_project data source.
func NewProjectDataSource() datasource.DataSource { return &projectDataSource{} }

type projectDataSource struct {
	client *developer.Client
}

type projectModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	CreatedAt   types.String `tfsdk:"created_at"`
	UpdatedAt   types.String `tfsdk:"updated_at"`
}

func (d *projectDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_project"
}

func (d *projectDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Amplitude project the access token can see, looked up by id or by name through the Developer API's `GET /v1/projects` (scope `projects:read`). " +
			"Its `id` is what the provider's `project_id` takes.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The project's numeric id. Set exactly one of `id` and `name`.",
				Validators:          []validator.String{stringvalidator.RegexMatches(projectIDPattern, "must be a project's numeric id, such as 424242")},
			},
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The project's name. Set exactly one of `id` and `name`; a name shared by several projects is an error.",
				Validators:          []validator.String{validators.NotBlank()},
			},
			"description": schema.StringAttribute{Computed: true, MarkdownDescription: "The project's description, null when it has none."},
			"created_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the project was created (RFC 3339)."},
			"updated_at":  schema.StringAttribute{Computed: true, MarkdownDescription: "When the project last changed (RFC 3339)."},
		},
	}
}

func (d *projectDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *projectDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client, _ = developerFor(req.ProviderData, "amplitude_project", &resp.Diagnostics)
}

func (d *projectDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config projectModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	projects, err := d.client.ListProjects(ctx, config.Name.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Cannot list Amplitude projects", err.Error())
		return
	}
	var matches []developer.Project
	names := make([]string, 0, len(projects))
	for _, p := range projects {
		names = append(names, fmt.Sprintf("%s (%s)", p.Name, p.ID))
		if (!config.ID.IsNull() && p.ID == config.ID.ValueString()) || (!config.Name.IsNull() && p.Name == config.Name.ValueString()) {
			matches = append(matches, p)
		}
	}
	lookup := fmt.Sprintf("id %q", config.ID.ValueString())
	if config.ID.IsNull() {
		lookup = fmt.Sprintf("name %q", config.Name.ValueString())
	}
	switch len(matches) {
	case 0:
		resp.Diagnostics.AddError("No such Amplitude project",
			fmt.Sprintf("The token sees no project with %s; it sees: %s.", lookup, orNothing(names)))
		return
	case 1:
	default:
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Ambiguous Amplitude project name",
			fmt.Sprintf("%d projects are named %q; look the project up by id instead.", len(matches), config.Name.ValueString()))
		return
	}
	p := matches[0]
	resp.Diagnostics.Append(resp.State.Set(ctx, projectModel{
		ID:          types.StringValue(p.ID),
		Name:        types.StringValue(p.Name),
		Description: types.StringPointerValue(p.Description),
		CreatedAt:   types.StringValue(p.CreatedAt),
		UpdatedAt:   types.StringValue(p.UpdatedAt),
	})...)
}

func orNothing(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, ", ")
}
