package sandbox

import (
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/facts"
)

// endpointPermissions are the permissions of the endpoints the sandbox
// serves. They are added to the published list in case it lags behind, as
// the admin key must be able to call every endpoint.
var endpointPermissions = []string{
	"api_keys.create",
	"api_keys.delete",
	"api_keys.info",
	"api_keys.list",
	"custom_attributes.get",
	"events.get",
}

// validPermissions returns, sorted, every permission a Braze REST key can carry.
func validPermissions() []string {
	all := slices.Concat(facts.BrazeRESTPermissions, endpointPermissions)
	slices.Sort(all)
	return slices.Compact(all)
}

func isValidPermission(permission string) bool {
	return slices.Contains(facts.BrazeRESTPermissions, permission) ||
		slices.Contains(endpointPermissions, permission)
}
