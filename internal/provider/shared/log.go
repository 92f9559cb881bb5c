package shared

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// TFLogger sends transport logs to Terraform's log under the provider's
// subsystem, so TF_LOG_PROVIDER controls them.
type TFLogger struct{}

// Debug implements transport.Logger.
func (TFLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}
