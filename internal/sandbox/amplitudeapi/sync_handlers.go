package amplitudeapi

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The sync endpoints Amplitude does not publish
// (api/amplitude-basic.openapi.yaml, modelled).

func (a *API) createSync(w http.ResponseWriter, r *http.Request) {
	var req syncRequest
	if err := core.DecodeJSON(w, r, &req); err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	spec := req.syncSpec
	if err := validateSync(&spec, nil); err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var view syncView
	err := a.update(func(tx *core.Tx, st *state) error {
		source, err := a.resolveSyncSource(tx, spec.Kind, spec.SourceID)
		if err != nil {
			return err
		}
		d, err := a.syncDestination(tx, spec.Kind, spec.DestinationID)
		if err != nil {
			return err
		}
		if err := checkSyncFree(st, spec.Kind, spec.SourceID, spec.DestinationID); err != nil {
			return err
		}
		now := a.sb.Now()
		created := audienceSync{
			ID:             core.NewUUID(),
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
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, view)
}

func (a *API) listSyncs(w http.ResponseWriter, r *http.Request) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var views []syncView
	var next *string
	a.read(func(_ *core.Tx, st *state) {
		var items []audienceSync
		items, next = core.PageOf(st.Syncs, func(sy audienceSync) int64 { return sy.Seq }, p)
		views = make([]syncView, len(items))
		now := a.sb.Now()
		for i := range items {
			views[i] = items[i].view(now)
		}
	})
	writeList(w, views, next)
}

func (a *API) getSync(w http.ResponseWriter, r *http.Request) {
	var view *syncView
	a.read(func(_ *core.Tx, st *state) {
		if i := st.syncByID(r.PathValue("id")); i >= 0 {
			v := st.Syncs[i].view(a.sb.Now())
			view = &v
		}
	})
	if view == nil {
		core.Fail(a.vendor, w, r, errNotFound)
		return
	}
	writeData(w, view)
}

// replaceSync is PUT: name, cadence and enabled are replaced; kind, source
// and destination must be sent unchanged. A PUT without a name has one
// generated, as a create does.
func (a *API) replaceSync(w http.ResponseWriter, r *http.Request) {
	var req syncRequest
	if err := core.DecodeJSON(w, r, &req); err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var view syncView
	err := a.update(func(tx *core.Tx, st *state) error {
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
			name, err := a.generatedNameOf(tx, &updated)
			if err != nil {
				return err
			}
			updated.Name = name
		}
		now := a.sb.Now()
		updated.schedule(spec.Cadence, enabledOrDefault(spec.Enabled), now)
		st.Syncs[i] = updated
		view = updated.view(now)
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, view)
}

// generatedNameOf names an existing sync. Its destination is there (its
// removal removes the sync) though its kind may have changed since, and its
// source may be gone: a deleted user property is then shown by the name the
// sync holds.
func (a *API) generatedNameOf(tx *core.Tx, sy *audienceSync) (string, error) {
	d, found := a.developer.Destination(tx, sy.DestinationID)
	if !found {
		return "", fmt.Errorf("sync %s sends to destination %s, which is gone", sy.ID, sy.DestinationID)
	}
	source, err := a.resolveSyncSource(tx, sy.Kind, sy.SourceID)
	if err != nil {
		source = syncSource{label: sy.SourceID}
	}
	return generatedSyncName(sy.Kind, source, d), nil
}

func (a *API) deleteSync(w http.ResponseWriter, r *http.Request) {
	err := a.update(func(_ *core.Tx, st *state) error {
		i := st.syncByID(r.PathValue("id"))
		if i < 0 {
			return errNotFound
		}
		st.Syncs = slices.Delete(st.Syncs, i, i+1)
		return nil
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeSuccess(w)
}

func enabledOrDefault(enabled *bool) bool {
	return enabled == nil || *enabled
}

// DELETE /_sandbox/destinations/{id} removes a destination the way someone
// in Amplitude's dashboard would: the Developer API has no delete, so this
// is how a test makes a destination vanish out of band. It is NOT a vendor
// API: never counted, never faulted. The syncs that sent to the destination
// go with it, as they would in the dashboard: a sync cannot outlive where
// it sends. It is served here, where syncs live, as the one place that
// sees both.

type removedDestination struct {
	Status       string `json:"status"`
	RemovedSyncs int    `json:"removed_syncs"`
}

var errNoSuchDestination = errors.New("no such destination")

func (a *API) removeDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	removed := removedDestination{Status: "ok"}
	err := a.update(func(tx *core.Tx, st *state) error {
		if !a.developer.RemoveDestination(tx, id) {
			return errNoSuchDestination
		}
		syncs := len(st.Syncs)
		st.Syncs = slices.DeleteFunc(st.Syncs, func(sy audienceSync) bool { return sy.DestinationID == id })
		removed.RemovedSyncs = syncs - len(st.Syncs)
		return nil
	})
	switch {
	case errors.Is(err, errNoSuchDestination):
		core.WriteControlError(w, http.StatusNotFound, "no destination "+id)
	case err != nil:
		core.WriteControlError(w, http.StatusInternalServerError, err.Error())
	default:
		core.WriteJSON(w, http.StatusOK, removed)
	}
}
