package sandbox

import (
	"fmt"
	"net/http"
	"slices"
)

// The control endpoints are the sandbox's own API for tests and demos. They
// bypass the vendor pipeline: never counted, never faulted.

type controlError struct {
	Error string `json:"error"`
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) reset(w http.ResponseWriter, _ *http.Request) {
	if err := s.Reset(); err != nil {
		writeJSON(w, http.StatusInternalServerError, controlError{Error: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) getFaults(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.faults.get())
}

func (s *Server) putFaults(w http.ResponseWriter, r *http.Request) {
	var patch faultsPatch
	if err := decodeJSON(w, r, &patch); err != nil {
		writeJSON(w, http.StatusBadRequest, controlError{Error: err.Error()})
		return
	}
	inForce, err := s.changeFaults(patch.applyTo)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, controlError{Error: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, inForce)
}

func (s *Server) stats(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Stats())
}

// namesRequest is the body of the control endpoints that add named objects
// to the Braze workspace: names, a number of generated ones, or both.
type namesRequest struct {
	Names []string `json:"names"`
	Count int      `json:"count"`
}

const (
	maxGeneratedNames = 10_000
	// maxBrazeNameLength is Braze's: "Custom attribute keys and values
	// have a maximum length of 255 characters"
	// (braze.com/docs/developer_guide/platform_integration_guides/web/analytics/setting_custom_attributes);
	// the sandbox holds segment and event names to it too.
	maxBrazeNameLength = 255
)

func (req *namesRequest) validate() error {
	var p problems
	if len(req.Names) == 0 && req.Count == 0 {
		p.add("send names, a count, or both")
	}
	if req.Count < 0 || req.Count > maxGeneratedNames {
		p.add("count must be from 0 to %d", maxGeneratedNames)
	}
	for i, name := range req.Names {
		if name == "" || len(name) > maxBrazeNameLength {
			p.add("names[%d] must be 1 to %d characters", i, maxBrazeNameLength)
		}
	}
	return p.err()
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

// addNamed serves a control endpoint that adds named objects: add adds
// those the request asks for and reports how many it added and how many
// there are now, which the answer names after kind.
func (s *Server) addNamed(w http.ResponseWriter, r *http.Request, kind string, add func(*state, *namesRequest) (added, total int)) {
	var req namesRequest
	err := decodeJSON(w, r, &req)
	if err == nil {
		err = req.validate()
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, controlError{Error: err.Error()})
		return
	}
	var added, total int
	err = s.store.update(func(st *state) error {
		added, total = add(st, &req)
		return nil
	})
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, controlError{Error: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"added": added, kind: total})
}
