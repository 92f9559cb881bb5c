package shared

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/provider/validators"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// RequestTimeoutAttribute returns the request_timeout attribute that both
// providers share.
func RequestTimeoutAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		MarkdownDescription: fmt.Sprintf("How long one request may take, its retries and waits included, before the provider gives up on the host, "+
			"as a Go duration such as `\"90s\"` or `\"5m\"`: a host that accepts connections but never answers fails within it, naming the host. "+
			"%v to %v; defaults to `\"%v\"`.", validators.MinRequestTimeout, validators.MaxRequestTimeout, transport.DefaultTimeout),
		Validators: []validator.String{validators.RequestTimeout()},
	}
}

// RequestTimeout returns the configured limit. It returns zero, which makes
// the transport use its default, when the attribute is not set or its value
// is invalid; the validator has already reported an invalid value.
func RequestTimeout(v types.String) time.Duration {
	d, err := validators.ParseRequestTimeout(v.ValueString())
	if v.IsNull() || v.IsUnknown() || err != nil {
		return 0
	}
	return d
}
