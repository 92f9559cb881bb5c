package amplitudeapi

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi/destinations"
)

// The modelled sync endpoints (api/amplitude-basic.openapi.yaml). The
// document checks a request's shape (the kinds and cadences, the required
// members). The rules below are those it cannot express, taken from
// amplitude.com/docs/data/audiences/third-party-syncs: real-time is for
// cohorts only, the source and the destination must exist and fit the
// kind, a sync of a source to a destination is unique, and kind, source and
// destination never change.

// syncRequest is a create or replace body. A client may echo back the
// read-only members of a read; the document lets them through, and they
// are ignored.
type syncRequest struct {
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	SourceID      string `json:"source_id"`
	DestinationID string `json:"destination_id"`
	Cadence       string `json:"cadence"`
	// Enabled defaults to true when it is left out.
	Enabled *bool `json:"enabled"`
}

func (req *syncRequest) enabled() bool { return req.Enabled == nil || *req.Enabled }

// decodeSync reads a body and applies the one rule that needs nothing but
// the request: realtime is for cohort membership only.
func decodeSync(r *http.Request) (syncRequest, error) {
	var req syncRequest
	if err := core.ReadJSON(r, &req); err != nil {
		return req, err
	}
	if req.Cadence == cadenceRealtime && req.Kind != syncKindCohort {
		return req, core.Refuse(http.StatusBadRequest, "cadence realtime syncs cohort membership only; a %s sync takes %s, %s or %s",
			req.Kind, cadenceOneTime, cadenceHourly, cadenceDaily)
	}
	return req, nil
}

func (a *API) createSync(w http.ResponseWriter, r *http.Request) {
	req, err := decodeSync(r)
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	var view map[string]any
	err = a.store.Update(func(tx *core.Tx) error {
		st := &a.state
		source, err := a.syncSource(tx, req.Kind, req.SourceID)
		if err != nil {
			return err
		}
		d, err := a.syncDestination(tx, req.Kind, req.DestinationID)
		if err != nil {
			return err
		}
		if i := st.syncByTriple(req.Kind, req.SourceID, req.DestinationID); i >= 0 {
			return core.Refuse(http.StatusConflict, "a %s sync of %q to destination %s already exists (id %s); a source syncs to a destination once",
				req.Kind, req.SourceID, req.DestinationID, st.Syncs[i].ID)
		}
		st.NextSeq++
		created := audienceSync{
			ID: core.NewUUID(), Seq: st.NextSeq, Name: strings.TrimSpace(req.Name), Kind: req.Kind,
			SourceID: req.SourceID, DestinationID: req.DestinationID, BrazeAttribute: source.brazeAttribute, CreatedAt: tx.Now(),
		}
		if created.Name == "" {
			created.Name = generatedSyncName(req.Kind, source.label, d)
		}
		created.schedule(req.Cadence, req.enabled(), tx.Now())
		st.Syncs = append(st.Syncs, created)
		view = created.view(tx.Now())
		return nil
	})
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	writeData(w, view, false, nil)
}

// listSyncs pages through the syncs in creation order. The document has
// already checked limit.
func (a *API) listSyncs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := core.Page{Limit: 100}
	if q.Has("limit") {
		p.Limit, _ = strconv.Atoi(q.Get("limit"))
	}
	if cursor := q.Get("cursor"); cursor != "" {
		var ok bool
		if p.After, ok = core.DecodeCursor(cursor); !ok {
			core.Fail(a, w, r, core.Refuse(http.StatusBadRequest, "cursor %q is not valid: pass the next_cursor of the previous page", cursor))
			return
		}
	}
	views := []map[string]any{}
	var next *string
	a.store.Read(func(tx *core.Tx) {
		var page []audienceSync
		page, next = core.PageOf(a.state.Syncs, func(s audienceSync) int64 { return s.Seq }, p)
		for i := range page {
			views = append(views, page[i].view(tx.Now()))
		}
	})
	writeData(w, views, true, next)
}

func (a *API) getSync(w http.ResponseWriter, r *http.Request) {
	var view map[string]any
	a.store.Read(func(tx *core.Tx) {
		if i := index(a.state.Syncs, r.PathValue("id"), syncID); i >= 0 {
			view = a.state.Syncs[i].view(tx.Now())
		}
	})
	if view == nil {
		core.Fail(a, w, r, errNotFound)
		return
	}
	writeData(w, view, false, nil)
}

// replaceSync serves PUT: name, cadence and enabled are replaced; kind, source
// and destination must be sent unchanged. A sync sent without a name gets
// one generated, as a create does.
func (a *API) replaceSync(w http.ResponseWriter, r *http.Request) {
	req, err := decodeSync(r)
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	var view map[string]any
	err = a.store.Update(func(tx *core.Tx) error {
		i := index(a.state.Syncs, r.PathValue("id"), syncID)
		if i < 0 {
			return errNotFound
		}
		s := a.state.Syncs[i]
		var problems core.FieldProblems
		for _, f := range []struct{ name, sent, stored string }{
			{"kind", req.Kind, s.Kind}, {"source_id", req.SourceID, s.SourceID}, {"destination_id", req.DestinationID, s.DestinationID},
		} {
			if f.sent != f.stored {
				problems.Add(f.name, core.ProblemNotAllowed, "%s cannot change from %q to %q; create a new sync instead", f.name, f.stored, f.sent)
			}
		}
		if err := problems.Err(http.StatusBadRequest, ""); err != nil {
			return err
		}
		if s.Name = strings.TrimSpace(req.Name); s.Name == "" {
			// The destination still exists, because removing a destination
			// removes its syncs, though its kind may have changed since.
			// The source may be gone; the generated name then shows the
			// source's id.
			d, found := a.destinations.Destination(tx, s.DestinationID)
			if !found {
				return fmt.Errorf("sync %s sends to destination %s, which is gone", s.ID, s.DestinationID)
			}
			source, err := a.syncSource(tx, s.Kind, s.SourceID)
			if err != nil {
				source.label = s.SourceID
			}
			s.Name = generatedSyncName(s.Kind, source.label, d)
		}
		s.schedule(req.Cadence, req.enabled(), tx.Now())
		a.state.Syncs[i] = s
		view = s.view(tx.Now())
		return nil
	})
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	writeData(w, view, false, nil)
}

func (a *API) deleteSync(w http.ResponseWriter, r *http.Request) {
	err := a.store.Update(func(*core.Tx) error {
		i := index(a.state.Syncs, r.PathValue("id"), syncID)
		if i < 0 {
			return errNotFound
		}
		a.state.Syncs = slices.Delete(a.state.Syncs, i, i+1)
		return nil
	})
	if err != nil {
		core.Fail(a, w, r, err)
		return
	}
	core.WriteJSON(w, http.StatusOK, map[string]bool{"success": true})
}

// syncSource describes what a sync's source_id names: label is how a
// generated name shows it, and brazeAttribute is the custom attribute the
// sync writes, if any.
type syncSource struct {
	label          string
	brazeAttribute *string
}

// syncSource finds a sync's source, which must exist: a user property that
// is not deleted (in the plan or ingested-only, the project's own or
// Amplitude's), or a computation, cohort or recommendation of the project.
func (a *API) syncSource(tx *core.Tx, kind, id string) (syncSource, error) {
	st := &a.state
	var ids []string
	switch kind {
	case syncKindUserProperty:
		if p, found := a.taxonomy.UserProperty(tx, id); found && !p.Deleted {
			return syncSource{label: id, brazeAttribute: &id}, nil
		}
		return syncSource{}, core.Refuse(http.StatusBadRequest,
			"source_id %q is not a user property of this project: create it with POST %s/v1/projects/%s/user-properties first",
			id, developerapi.Path, developerapi.ProjectID)
	case syncKindComputation:
		for _, c := range st.Computations {
			if c.ID == id {
				return syncSource{label: c.Name, brazeAttribute: &c.Name}, nil
			}
			ids = append(ids, c.ID)
		}
	case syncKindCohort:
		for _, c := range st.Cohorts {
			if c.ID == id {
				return syncSource{label: c.Name}, nil
			}
			ids = append(ids, c.ID)
		}
	default:
		for _, r := range st.Recommendations {
			if r.ID == id {
				return syncSource{label: r.Name}, nil
			}
			ids = append(ids, r.ID)
		}
	}
	return syncSource{}, core.Refuse(http.StatusBadRequest, "source_id %q is not a %s of this project; the project has %s", id, kind, strings.Join(ids, ", "))
}

// syncDestination finds a sync's destination, a Developer API destination
// of the kind the sync needs: cohorts reach Braze through a braze
// destination of kind cohort (Amplitude's "Braze (Cohort Sync)"), the other
// sources through one that sends users, whose kind contains identify.
func (a *API) syncDestination(tx *core.Tx, kind, id string) (destinations.Destination, error) {
	d, found := a.destinations.Destination(tx, id)
	if !found {
		return d, core.Refuse(http.StatusBadRequest, "destination_id %q is not a destination of this project", id)
	}
	want, fits := "whose kind contains identify", d.Partner == destinations.PartnerBraze && d.HasKind(destinations.KindIdentify)
	if kind == syncKindCohort {
		want, fits = `of kind ["cohort"]`, d.Partner == destinations.PartnerBraze && slices.Equal(d.Kind, []string{destinations.KindCohort})
	}
	if !fits {
		return d, core.Refuse(http.StatusBadRequest, "a %s sync needs a braze destination %s; destination %q (%s) is a %s destination of kind %s",
			kind, want, id, d.DisplayName, d.Partner, `["`+strings.Join(d.Kind, `", "`)+`"]`)
	}
	return d, nil
}

// generatedSyncName names a sync made without a name, the way the
// dashboard describes one.
func generatedSyncName(kind, source string, d destinations.Destination) string {
	return fmt.Sprintf("%s %s → %s", kind, source, d.DisplayName)
}

var errNoSuchDestination = errors.New("no such destination")

// removeDestination serves DELETE /_sandbox/destinations/{id}. It removes a
// destination as someone in Amplitude's dashboard would. The Developer API
// has no delete, so this is how a test makes a destination disappear
// outside Terraform. The syncs that sent to it are removed with it, as in
// the dashboard, because a sync cannot outlive its destination.
func (a *API) removeDestination(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	removed := 0
	err := a.store.Update(func(tx *core.Tx) error {
		if !a.destinations.RemoveDestination(tx, id) {
			return errNoSuchDestination
		}
		before := len(a.state.Syncs)
		a.state.Syncs = slices.DeleteFunc(a.state.Syncs, func(s audienceSync) bool { return s.DestinationID == id })
		removed = before - len(a.state.Syncs)
		return nil
	})
	switch {
	case errors.Is(err, errNoSuchDestination):
		core.WriteControlError(w, http.StatusNotFound, "no destination "+id)
	case err != nil:
		core.WriteControlError(w, http.StatusInternalServerError, err.Error())
	default:
		core.WriteJSON(w, http.StatusOK, map[string]any{"status": "ok", "removed_syncs": removed})
	}
}
