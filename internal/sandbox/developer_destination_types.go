package sandbox

import "net/http"

// GET /v1/destination-types[/{partner}]: the partners and their
// parameters. The catalog is fixed, so its cursors are positions in it.

func (s *Server) listDestinationTypes(w http.ResponseWriter, r *http.Request) {
	p, err := parseDeveloperPage(r.URL.Query())
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	positions := make([]int64, len(destinationTypes))
	for i := range positions {
		positions[i] = int64(i + 1)
	}
	page, next, err := developerPageOf(positions, func(position int64) int64 { return position }, p, s.searchWindow)
	if err != nil {
		fail(s.developer, w, r, err)
		return
	}
	views := make([]destinationTypeView, len(page))
	for i, position := range page {
		views[i] = destinationTypes[position-1].view()
	}
	writeDeveloperList(w, views, next)
}

func (s *Server) getDestinationType(w http.ResponseWriter, r *http.Request) {
	partner := destinationTypeOf(r.PathValue("partner"))
	if partner == nil {
		fail(s.developer, w, r, refuseWith(http.StatusNotFound, codeNotFound,
			"no destination type %q; the partners are %s", r.PathValue("partner"), partnerNames()))
		return
	}
	writeDeveloperData(w, http.StatusOK, partner.view())
}
