package shared

import (
	"os"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringOrEnv returns the configured value, or the environment variable's
// when the attribute is not set.
func StringOrEnv(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return os.Getenv(env)
}
