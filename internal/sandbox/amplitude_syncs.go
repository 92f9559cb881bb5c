package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// The sync endpoints Amplitude does not publish (DESIGN.md §3.1).

func (s *Server) createSync(w http.ResponseWriter, r *http.Request) {
	var req syncRequest
	if err := decodeJSON(w, r, &req); err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	spec := req.syncSpec
	if err := validateSync(&spec, nil); err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	var view syncView
	err := s.store.update(func(st *state) error {
		source, err := resolveSyncSource(st, spec.Kind, spec.SourceID)
		if err != nil {
			return err
		}
		d, err := syncDestination(st, spec.Kind, spec.DestinationID)
		if err != nil {
			return err
		}
		if err := checkSyncFree(st, spec.Kind, spec.SourceID, spec.DestinationID); err != nil {
			return err
		}
		now := s.now()
		created := audienceSync{
			ID:             newUUID(),
			Seq:            st.nextSeq(),
			Name:           strings.TrimSpace(spec.Name),
			Kind:           spec.Kind,
			SourceID:       spec.SourceID,
			DestinationID:  spec.DestinationID,
			BrazeAttribute: source.brazeAttribute,
			CreatedAt:      now,
		}
		if created.Name == "" {
			created.Name = generatedSyncName(spec.Kind, source, d)
		}
		created.schedule(spec.Cadence, enabledOrDefault(spec.Enabled), now)
		st.Syncs = append(st.Syncs, created)
		view = created.view(now)
		return nil
	})
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	writeAmplitudeData(w, view)
}

func (s *Server) listSyncs(w http.ResponseWriter, r *http.Request) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	var views []syncView
	var next *string
	s.store.read(func(st *state) {
		var items []audienceSync
		items, next = pageOf(st.Syncs, func(sy audienceSync) int64 { return sy.Seq }, p)
		views = make([]syncView, len(items))
		now := s.now()
		for i := range items {
			views[i] = items[i].view(now)
		}
	})
	writeAmplitudeList(w, views, next)
}

func (s *Server) getSync(w http.ResponseWriter, r *http.Request) {
	var view *syncView
	s.store.read(func(st *state) {
		if i := st.syncByID(r.PathValue("id")); i >= 0 {
			v := st.Syncs[i].view(s.now())
			view = &v
		}
	})
	if view == nil {
		fail(s.amplitude, w, r, errNotFound)
		return
	}
	writeAmplitudeData(w, view)
}

// replaceSync is PUT: name, cadence and enabled are replaced; kind, source
// and destination must be sent unchanged. A PUT without a name has one
// generated, as a create does.
func (s *Server) replaceSync(w http.ResponseWriter, r *http.Request) {
	var req syncRequest
	if err := decodeJSON(w, r, &req); err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	var view syncView
	err := s.store.update(func(st *state) error {
		i := st.syncByID(r.PathValue("id"))
		if i < 0 {
			return errNotFound
		}
		updated := st.Syncs[i]
		spec := req.syncSpec
		if err := validateSync(&spec, &updated); err != nil {
			return err
		}
		updated.Name = strings.TrimSpace(spec.Name)
		if updated.Name == "" {
			name, err := generatedNameOf(st, &updated)
			if err != nil {
				return err
			}
			updated.Name = name
		}
		now := s.now()
		updated.schedule(spec.Cadence, enabledOrDefault(spec.Enabled), now)
		st.Syncs[i] = updated
		view = updated.view(now)
		return nil
	})
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	writeAmplitudeData(w, view)
}

// generatedNameOf names an existing sync. Its destination is there (its
// removal removes the sync) though its kind may have changed since, and its
// source may be gone: a deleted user property is then shown by the name the
// sync holds.
func generatedNameOf(st *state, sy *audienceSync) (string, error) {
	i := st.destinationByID(sy.DestinationID)
	if i < 0 {
		return "", fmt.Errorf("sync %s sends to destination %s, which is gone", sy.ID, sy.DestinationID)
	}
	source, err := resolveSyncSource(st, sy.Kind, sy.SourceID)
	if err != nil {
		source = syncSource{label: sy.SourceID}
	}
	return generatedSyncName(sy.Kind, source, &st.Destinations[i]), nil
}

func (s *Server) deleteSync(w http.ResponseWriter, r *http.Request) {
	err := s.store.update(func(st *state) error {
		i := st.syncByID(r.PathValue("id"))
		if i < 0 {
			return errNotFound
		}
		st.Syncs = slices.Delete(st.Syncs, i, i+1)
		return nil
	})
	if err != nil {
		fail(s.amplitude, w, r, err)
		return
	}
	writeAmplitudeSuccess(w)
}

func enabledOrDefault(enabled *bool) bool {
	return enabled == nil || *enabled
}
