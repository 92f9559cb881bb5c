package developerapi

import (
	"net/http"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// What the tracking plan's handlers share: events, event properties and
// user properties are listed, read and soft-deleted alike.

// planObject is an object of the tracking plan as its list sees it: kept in
// name order, and soft-deleted rather than removed.
type planObject interface {
	planName() string
	isDeleted() bool
}

// listPlan answers a list of tracking-plan objects: of the items that items
// finds under the store's lock, those not deleted whose name matches q
// (matchesQuery), one page by name (parseNamePage, pageByName), each shown
// by view. items refuses a list whose parent is not there.
func listPlan[T planObject, V any](a *API, w http.ResponseWriter, r *http.Request, items func(*state) ([]T, error), view func(*T) V) {
	q := r.URL.Query()
	p, err := parseNamePage(q)
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var views []V
	var next *string
	a.read(func(_ *core.Tx, st *state) {
		var all []T
		if all, err = items(st); err != nil {
			return
		}
		var matching []T
		for _, item := range all {
			if !item.isDeleted() && matchesQuery(item.planName(), q.Get("q")) {
				matching = append(matching, item)
			}
		}
		var page []T
		page, next, err = pageByName(matching, T.planName, p, a.searchWindow)
		for i := range page {
			views = append(views, view(&page[i]))
		}
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeList(w, views, next)
}

// getPlan answers 200 with the view of the live object that find finds, at
// its index in items, under the store's lock; or find's refusal.
func getPlan[T, V any](a *API, w http.ResponseWriter, r *http.Request, find func(*state) (items []T, i int, err error), view func(*T) V) {
	var v V
	var err error
	a.read(func(_ *core.Tx, st *state) {
		var items []T
		var i int
		if items, i, err = find(st); err == nil {
			v = view(&items[i])
		}
	})
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	writeData(w, http.StatusOK, v)
}

// softDelete answers a DELETE of a tracking-plan object, 204: with
// dry_run=true it only checks that find finds one that may be deleted;
// otherwise, under the store's lock, remove soft-deletes the one find finds,
// at its index.
func (a *API) softDelete(w http.ResponseWriter, r *http.Request, find func(*state) (int, error), remove func(st *state, i int)) {
	dryRun, err := parseDryRun(r.URL.Query())
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	if dryRun {
		a.read(func(_ *core.Tx, st *state) { _, err = find(st) })
	} else {
		err = a.update(func(_ *core.Tx, st *state) error {
			i, err := find(st)
			if err == nil {
				remove(st, i)
			}
			return err
		})
	}
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
