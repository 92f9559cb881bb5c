package brazeapi

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The control endpoints that add objects to the workspace (custom
// attributes, custom events, segments) share one body: names, a number of
// generated names, or both. They are the sandbox's own API, not Braze's.

const (
	maxGeneratedNames = 10_000
	// maxNameLength is Braze's limit on custom attribute keys, "a maximum
	// length of 255 characters"
	// (braze.com/docs/developer_guide/platform_integration_guides/web/analytics/setting_custom_attributes).
	// The sandbox applies it to event and segment names too.
	maxNameLength = 255
)

// addNamed serves such an endpoint. Under the store's lock it calls add for
// each name sent, then for count new names generated from format; add
// returns false when the name is taken, and a generated name that is taken
// is skipped. The answer says how many objects were added and, under kind,
// how many there are now, as total counts them.
func (a *API) addNamed(w http.ResponseWriter, r *http.Request, kind, format string, add func(name string) bool, total func() int) {
	var req struct {
		Names []string `json:"names"`
		Count int      `json:"count"`
	}
	err := core.DecodeJSON(w, r, &req)
	switch {
	case err != nil:
	case len(req.Names) == 0 && req.Count == 0:
		err = errors.New("send names, a count, or both")
	case req.Count < 0 || req.Count > maxGeneratedNames:
		err = fmt.Errorf("count must be from 0 to %d", maxGeneratedNames)
	}
	for i, name := range req.Names {
		if err == nil && (name == "" || len(name) > maxNameLength) {
			err = fmt.Errorf("names[%d] must be 1 to %d characters", i, maxNameLength)
		}
	}
	if err != nil {
		core.WriteControlError(w, http.StatusBadRequest, err.Error())
		return
	}
	added, now := 0, 0
	err = a.store.Update(func(*core.Tx) error {
		for _, name := range req.Names {
			if add(name) {
				added++
			}
		}
		for n, generated := 1, 0; generated < req.Count; n++ {
			if add(fmt.Sprintf(format, n)) {
				generated++
				added++
			}
		}
		now = total()
		return nil
	})
	if err != nil {
		core.WriteControlError(w, http.StatusInternalServerError, err.Error())
		return
	}
	core.WriteJSON(w, http.StatusOK, map[string]int{"added": added, kind: now})
}
