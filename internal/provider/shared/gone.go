package shared

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// RemoveGone is every resource's answer to a Read of an object that its
// vendor says does not exist: it was removed outside Terraform, so it leaves
// the state with a warning that names it, and the next plan creates it
// again. Only the vendor's own not-found answer may lead here (each client's
// IsNotFound); any other failure of a Read is an error.
func RemoveGone(ctx context.Context, resp *resource.ReadResponse, object string) {
	resp.Diagnostics.AddWarning(object+" was removed outside Terraform",
		object+" no longer exists, so it is removed from the state; the next apply creates it again.")
	resp.State.RemoveResource(ctx)
}
