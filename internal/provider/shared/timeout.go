package shared

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

const (
	minRequestTimeout = time.Second
	maxRequestTimeout = time.Hour
)

// RequestTimeoutAttribute is both providers' request_timeout.
func RequestTimeoutAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		MarkdownDescription: fmt.Sprintf("How long one request may take, its retries and waits included, before the provider gives up on the host, "+
			"as a Go duration such as `\"90s\"` or `\"5m\"`: a host that accepts connections but never answers fails within it, naming the host. "+
			"%v to %v; defaults to `\"%v\"`.", minRequestTimeout, maxRequestTimeout, transport.DefaultTimeout),
		Validators: []validator.String{requestTimeoutValidator{}},
	}
}

// RequestTimeout returns the configured limit, or zero for the transport's
// default.
func RequestTimeout(v types.String) time.Duration {
	d, err := parseRequestTimeout(v.ValueString())
	if v.IsNull() || v.IsUnknown() || err != nil {
		return 0
	}
	return d
}

func parseRequestTimeout(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration such as \"90s\" or \"5m\"", s)
	}
	if d < minRequestTimeout || d > maxRequestTimeout {
		return 0, fmt.Errorf("%v is outside %v to %v", d, minRequestTimeout, maxRequestTimeout)
	}
	return d, nil
}

type requestTimeoutValidator struct{}

func (requestTimeoutValidator) Description(context.Context) string {
	return fmt.Sprintf("must be a duration from %v to %v", minRequestTimeout, maxRequestTimeout)
}

func (v requestTimeoutValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (requestTimeoutValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseRequestTimeout(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid request timeout", fmt.Sprintf("%s: %v", req.Path, err))
	}
}
