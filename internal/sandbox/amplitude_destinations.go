package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// The destination endpoints Amplitude does not publish (DESIGN.md §3.1).

func (s *Server) createDestination(w http.ResponseWriter, r *http.Request) {
	var req destinationRequest
	if err := decodeJSON(w, r, &req); err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	spec := req.destinationSpec
	if err := validateDestination(&spec, nil); err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	var view destinationView
	err := s.store.update(func(st *state) error {
		if err := checkNameFree(st, spec.Name, ""); err != nil {
			return err
		}
		if spec.Type == destinationTypeBraze {
			if err := checkBrazeKey(st, *spec.Config.APIKey); err != nil {
				return err
			}
		}
		now := s.now()
		d := destination{ID: newUUID(), Seq: st.nextSeq(), destinationSpec: spec.normalized(), CreatedAt: now, UpdatedAt: now}
		st.Destinations = append(st.Destinations, d)
		view = d.view()
		return nil
	})
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	writeAmplitudeData(w, view)
}

func (s *Server) listDestinations(w http.ResponseWriter, r *http.Request) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	var views []destinationView
	var next *string
	s.store.read(func(st *state) {
		var items []destination
		items, next = pageOf(st.Destinations, func(d destination) int64 { return d.Seq }, p)
		views = make([]destinationView, len(items))
		for i := range items {
			views[i] = items[i].view()
		}
	})
	writeAmplitudeList(w, views, next)
}

func (s *Server) getDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var view *destinationView
	s.store.read(func(st *state) {
		if i := st.destinationByID(id); i >= 0 {
			v := st.Destinations[i].view()
			view = &v
		}
	})
	if view == nil {
		fail(s.amplitude, w, r, errNotFound)
		return
	}
	writeAmplitudeData(w, view)
}

// replaceDestination is PUT: the body replaces the whole object, except that
// an omitted secret keeps the stored one.
func (s *Server) replaceDestination(w http.ResponseWriter, r *http.Request) {
	var req destinationRequest
	if err := decodeJSON(w, r, &req); err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	id := r.PathValue("id")
	var view destinationView
	err := s.store.update(func(st *state) error {
		i := st.destinationByID(id)
		if i < 0 {
			return errNotFound
		}
		stored := st.Destinations[i]
		spec := req.destinationSpec
		if err := validateDestination(&spec, &stored); err != nil {
			return err
		}
		if err := checkNameFree(st, spec.Name, id); err != nil {
			return err
		}
		newKey := keepSecret(&spec.Config.APIKey, stored.Config.APIKey)
		keepSecret(&spec.Config.DataImportKey, stored.Config.DataImportKey)
		if spec.Type == destinationTypeBraze && newKey {
			if err := checkBrazeKey(st, *spec.Config.APIKey); err != nil {
				return err
			}
		}
		d := destination{ID: stored.ID, Seq: stored.Seq, destinationSpec: spec.normalized(), CreatedAt: stored.CreatedAt, UpdatedAt: s.now()}
		st.Destinations[i] = d
		view = d.view()
		return nil
	})
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	writeAmplitudeData(w, view)
}

func (s *Server) deleteDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	err := s.store.update(func(st *state) error {
		i := st.destinationByID(id)
		if i < 0 {
			return errNotFound
		}
		if err := checkDestinationUnused(st, id); err != nil {
			return err
		}
		st.Destinations = slices.Delete(st.Destinations, i, i+1)
		return nil
	})
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	writeAmplitudeSuccess(w)
}

// checkDestinationUnused refuses to delete a destination that syncs still
// write to. The docs do not say; Amplitude would rather refuse than leave
// syncs pointing nowhere or delete them unasked, and a refusal leaves the
// order of deletion to the client (Terraform deletes dependents first).
func checkDestinationUnused(st *state, id string) error {
	var users []string
	for i := range st.Syncs {
		if st.Syncs[i].DestinationID == id {
			users = append(users, st.Syncs[i].ID)
		}
	}
	if len(users) > 0 {
		return refuse(http.StatusConflict, "destination %s is used by %d sync(s) (%s); delete them first", id, len(users), strings.Join(users, ", "))
	}
	return nil
}

// errNotFound is the Taxonomy API's answer for an unknown object.
var errNotFound = refuse(http.StatusNotFound, "Not found")

func checkNameFree(st *state, name, exceptID string) error {
	if i := st.destinationByName(name); i >= 0 && st.Destinations[i].ID != exceptID {
		return refuse(http.StatusConflict, "a destination named %q already exists (id %s); names are unique in a project", name, st.Destinations[i].ID)
	}
	return nil
}

// keepSecret puts the stored secret in place of an omitted one and reports
// whether a different one was sent.
func keepSecret(sent **string, stored *string) (changed bool) {
	if *sent == nil {
		*sent = stored
		return false
	}
	return stored == nil || **sent != *stored
}
