package shared

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	defaultMaxRetries = 8
	maxMaxRetries     = 20
)

// MaxRetriesDescription documents both providers' max_retries attribute.
var MaxRetriesDescription = fmt.Sprintf("How many times a request is sent again after a rate limit (429), a server error (5xx) or a network failure before the provider gives up, waiting with capped, jittered backoff that honours `Retry-After` and `X-RateLimit-Reset`. 0 to %d; defaults to %d.", maxMaxRetries, defaultMaxRetries)

// MaxRetriesRange validates max_retries.
func MaxRetriesRange() validator.Int64 { return int64validator.Between(0, maxMaxRetries) }

// MaxRetries returns the configured retry count or the default.
func MaxRetries(v types.Int64) int {
	if v.IsNull() || v.IsUnknown() {
		return defaultMaxRetries
	}
	return int(v.ValueInt64())
}
