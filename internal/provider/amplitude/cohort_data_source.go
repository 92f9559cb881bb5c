package amplitude

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
)

var (
	_ datasource.DataSourceWithConfigure        = (*cohortDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*cohortDataSource)(nil)
)

// NewCohortDataSource is the amplitude_cohort data source.
func NewCohortDataSource() datasource.DataSource { return &cohortDataSource{} }

type cohortDataSource struct {
	client *amplitude.Client
}

type cohortModel struct {
	ID           types.String      `tfsdk:"id"`
	Name         types.String      `tfsdk:"name"`
	Description  types.String      `tfsdk:"description"`
	Size         types.Int64       `tfsdk:"size"`
	Archived     types.Bool        `tfsdk:"archived"`
	Owners       []string          `tfsdk:"owners"`
	LastComputed types.String      `tfsdk:"last_computed"`
	SyncMetadata []cohortSyncModel `tfsdk:"sync_metadata"`
}

type cohortSyncModel struct {
	Target         types.String `tfsdk:"target"`
	Frequency      types.String `tfsdk:"frequency"`
	LastSuccessful types.String `tfsdk:"last_successful"`
	LastFailure    types.String `tfsdk:"last_failure"`
}

func (d *cohortDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cohort"
}

func (d *cohortDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A behavioral cohort, looked up by id or by name through Amplitude's Behavioral Cohorts API " +
			"(`GET /api/3/cohorts?includeSyncInfo=true`), with the scheduled syncs that send it to other tools.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The cohort's id, e.g. `coh_power_users`. Set exactly one of `id` and `name`.",
				Validators:          []validator.String{validators.NotBlank()},
			},
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The cohort's name. Set exactly one of `id` and `name`; a name shared by several cohorts is an error.",
				Validators:          []validator.String{validators.NotBlank()},
			},
			"description":   schema.StringAttribute{Computed: true, MarkdownDescription: "The cohort's description."},
			"size":          schema.Int64Attribute{Computed: true, MarkdownDescription: "How many users the cohort held when last computed."},
			"archived":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the cohort is archived."},
			"owners":        schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The cohort's owners."},
			"last_computed": schema.StringAttribute{Computed: true, MarkdownDescription: "When the cohort was last computed (RFC 3339), null if never."},
			"sync_metadata": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The cohort's scheduled, enabled syncs (Amplitude leaves out one-time and disabled ones).",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"target":          schema.StringAttribute{Computed: true, MarkdownDescription: "Where the cohort is synced, e.g. `braze`."},
						"frequency":       schema.StringAttribute{Computed: true, MarkdownDescription: "How often: `minute` (real-time), `hourly` or `daily`."},
						"last_successful": schema.StringAttribute{Computed: true, MarkdownDescription: "When the sync last succeeded (ISO 8601), null if never."},
						"last_failure":    schema.StringAttribute{Computed: true, MarkdownDescription: "When the sync last failed (ISO 8601), null if never."},
					},
				},
			},
		},
	}
}

func (d *cohortDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *cohortDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = basicFor(req.ProviderData, "amplitude_cohort", &resp.Diagnostics)
}

func (d *cohortDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config cohortModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cohorts, err := d.client.ListCohorts(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Cannot list Amplitude cohorts", err.Error())
		return
	}
	var matches []amplitude.Cohort
	for _, c := range cohorts {
		if (!config.ID.IsNull() && c.ID == config.ID.ValueString()) || (!config.Name.IsNull() && c.Name == config.Name.ValueString()) {
			matches = append(matches, c)
		}
	}
	lookup := fmt.Sprintf("id %q", config.ID.ValueString())
	if config.ID.IsNull() {
		lookup = fmt.Sprintf("name %q", config.Name.ValueString())
	}
	switch len(matches) {
	case 0:
		resp.Diagnostics.AddError("Cohort not found", fmt.Sprintf("No cohort of this Amplitude project has %s.", lookup))
		return
	case 1:
	default:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = m.ID
		}
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Ambiguous cohort name",
			fmt.Sprintf("name: %d cohorts have %s (ids %s); look one up by id instead.", len(matches), lookup, strings.Join(ids, ", ")))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, cohortFromAPI(matches[0]))...)
}

func cohortFromAPI(c amplitude.Cohort) cohortModel {
	m := cohortModel{
		ID:           types.StringValue(c.ID),
		Name:         types.StringValue(c.Name),
		Description:  types.StringPointerValue(c.Description),
		Size:         types.Int64Value(c.Size),
		Archived:     types.BoolValue(c.Archived),
		Owners:       c.Owners,
		LastComputed: types.StringNull(),
		SyncMetadata: []cohortSyncModel{},
	}
	if m.Owners == nil {
		m.Owners = []string{}
	}
	if c.LastComputed != nil {
		m.LastComputed = types.StringValue(epochToRFC3339(*c.LastComputed))
	}
	for _, s := range c.SyncMetadata {
		m.SyncMetadata = append(m.SyncMetadata, cohortSyncModel{
			Target:         types.StringValue(s.Target),
			Frequency:      types.StringValue(s.Frequency),
			LastSuccessful: types.StringPointerValue(s.LastSuccessful),
			LastFailure:    types.StringPointerValue(s.LastFailure),
		})
	}
	return m
}

// epochToRFC3339 formats one of Amplitude's cohort timestamps. Amplitude
// documents them as Unix seconds, but they have been seen elsewhere in
// milliseconds, so the size of the number decides which unit it is in.
func epochToRFC3339(epoch int64) string {
	const firstMillisecondEpoch = 100_000_000_000 // year 5138 in seconds, 1973 in milliseconds
	if epoch >= firstMillisecondEpoch {
		return time.UnixMilli(epoch).UTC().Format(time.RFC3339)
	}
	return time.Unix(epoch, 0).UTC().Format(time.RFC3339)
}
