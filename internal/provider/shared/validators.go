package shared

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// ServiceURL validates a string attribute with CheckServiceURL.
func ServiceURL() validator.String { return serviceURLValidator{} }

type serviceURLValidator struct{}

func (serviceURLValidator) Description(context.Context) string {
	return "must be an https:// URL (http:// only for loopback hosts)"
}

func (v serviceURLValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (serviceURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := CheckServiceURL(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL", err.Error())
	}
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// UUID validates the 8-4-4-4-12 hexadecimal shape of Braze app identifiers.
func UUID() validator.String {
	return stringvalidator.RegexMatches(uuidPattern, "must be UUID-shaped, like 01234567-89ab-cdef-0123-456789abcdef")
}
