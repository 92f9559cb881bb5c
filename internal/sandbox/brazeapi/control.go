package brazeapi

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The control endpoints that add objects to the workspace as data arriving
// or someone in Braze's dashboard would (custom attributes, custom events,
// segments) share one body: names, a number of generated ones, or both.
// They are the sandbox's own API (core's control endpoints), not Braze's.

type namesRequest struct {
	Names []string `json:"names"`
	Count int      `json:"count"`
}

const (
	maxGeneratedNames = 10_000
	// maxNameLength is Braze's: "Custom attribute keys and values have a
	// maximum length of 255 characters"
	// (braze.com/docs/developer_guide/platform_integration_guides/web/analytics/setting_custom_attributes);
	// the sandbox holds segment and event names to it too.
	maxNameLength = 255
)

func (req *namesRequest) validate() error {
	var p core.Problems
	if len(req.Names) == 0 && req.Count == 0 {
		p.Add("send names, a count, or both")
	}
	if req.Count < 0 || req.Count > maxGeneratedNames {
		p.Add("count must be from 0 to %d", maxGeneratedNames)
	}
	for i, name := range req.Names {
		if name == "" || len(name) > maxNameLength {
			p.Add("names[%d] must be 1 to %d characters", i, maxNameLength)
		}
	}
	return p.Err()
}

// all is the names to add: those sent that exists does not hold, once
// each, then count generated from format that it does not hold either.
func (req *namesRequest) all(format string, exists func(string) bool) []string {
	var names []string
	for _, name := range req.Names {
		if !exists(name) && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for n, generated := 1, 0; generated < req.Count; n++ {
		if name := fmt.Sprintf(format, n); !exists(name) && !slices.Contains(names, name) {
			names = append(names, name)
			generated++
		}
	}
	return names
}

// addNamed serves a control endpoint that adds named objects: add, run
// under the store's lock, adds those the request asks for and reports how
// many it added and how many there are now, which the answer names after
// kind.
func (a *API) addNamed(w http.ResponseWriter, r *http.Request, kind string, add func(*namesRequest) (added, total int)) {
	var req namesRequest
	err := core.DecodeJSON(w, r, &req)
	if err == nil {
		err = req.validate()
	}
	if err != nil {
		core.WriteControlError(w, http.StatusBadRequest, err.Error())
		return
	}
	var added, total int
	err = a.store.Update(func(*core.Tx) error {
		added, total = add(&req)
		return nil
	})
	if err != nil {
		core.WriteControlError(w, http.StatusInternalServerError, err.Error())
		return
	}
	core.WriteJSON(w, http.StatusOK, map[string]int{"added": added, kind: total})
}
