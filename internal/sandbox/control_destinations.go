package sandbox

import (
	"errors"
	"net/http"
	"slices"
)

// DELETE /_sandbox/destinations/{id} removes a destination the way someone
// in Amplitude's dashboard would: the Developer API has no delete, so this
// is how a test makes a destination vanish out of band. It is NOT a vendor
// API: never counted, never faulted. The syncs that sent to the destination
// go with it, as they would in the dashboard: a sync cannot outlive where
// it sends.

type removedDestination struct {
	Status       string `json:"status"`
	RemovedSyncs int    `json:"removed_syncs"`
}

var errNoSuchDestination = errors.New("no such destination")

func (s *Server) removeDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	removed := removedDestination{Status: "ok"}
	err := s.store.update(func(st *state) error {
		i := st.destinationByID(id)
		if i < 0 {
			return errNoSuchDestination
		}
		st.Destinations = slices.Delete(st.Destinations, i, i+1)
		syncs := len(st.Syncs)
		st.Syncs = slices.DeleteFunc(st.Syncs, func(sy audienceSync) bool { return sy.DestinationID == id })
		removed.RemovedSyncs = syncs - len(st.Syncs)
		return nil
	})
	switch {
	case errors.Is(err, errNoSuchDestination):
		writeJSON(w, http.StatusNotFound, controlError{Error: "no destination " + id})
	case err != nil:
		writeJSON(w, http.StatusInternalServerError, controlError{Error: err.Error()})
	default:
		writeJSON(w, http.StatusOK, removed)
	}
}
