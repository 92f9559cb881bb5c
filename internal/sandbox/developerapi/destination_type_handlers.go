package developerapi

import (
	"net/http"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// GET /v1/destination-types[/{partner}]: the partners and their
// parameters, paged as every list is, and 404 for an unknown partner
// (amplitude.com/docs/apis/developer/destinations/list-destination-partner-types,
// get-destination-partner-type). The catalog is fixed, so its cursors are
// positions in it.

func (a *API) listDestinationTypes(w http.ResponseWriter, r *http.Request) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	positions := make([]int64, len(destinationTypes))
	for i := range positions {
		positions[i] = int64(i + 1)
	}
	page, next, err := pageOf(positions, func(position int64) int64 { return position }, p, a.searchWindow)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	views := make([]destinationTypeView, len(page))
	for i, position := range page {
		views[i] = destinationTypes[position-1].view()
	}
	writeList(w, views, next)
}

func (a *API) getDestinationType(w http.ResponseWriter, r *http.Request) {
	partner := destinationTypeOf(r.PathValue("partner"))
	if partner == nil {
		core.Fail(a.vendor, w, r, refuseWith(http.StatusNotFound, codeNotFound,
			"no destination type %q; the partners are %s", r.PathValue("partner"), partnerNames()))
		return
	}
	writeData(w, http.StatusOK, partner.view())
}
