package shared

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// RemoveGone is what every resource's Read does when the vendor says the
// object does not exist. Someone removed it outside Terraform, so RemoveGone
// removes it from the state with a warning that names it, and the next plan
// creates it again. Call it only on the vendor's own not-found answer (each
// client's IsNotFound); any other failure of a Read must stay an error, or a
// passing outage would make Terraform forget objects that still exist.
func RemoveGone(ctx context.Context, resp *resource.ReadResponse, object string) {
	resp.Diagnostics.AddWarning(object+" was removed outside Terraform",
		object+" no longer exists, so it is removed from the state; the next apply creates it again.")
	resp.State.RemoveResource(ctx)
}
