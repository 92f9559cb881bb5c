package sandbox

import "net/http"

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
