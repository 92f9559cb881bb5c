package core

import "net/http"

// The control endpoints are the sandbox's own API for tests and demos, under
// /_sandbox. They bypass the vendor pipeline: never counted, never faulted.
// The core serves health, reset, faults and stats; vendor packages add
// their own through HandleControl.

type controlError struct {
	Error string `json:"error"`
}

// WriteControlError answers a control request that failed.
func WriteControlError(w http.ResponseWriter, status int, message string) {
	WriteJSON(w, status, controlError{Error: message})
}

func (sb *Sandbox) controlRoutes() {
	sb.HandleControl("GET /_sandbox/health", func(w http.ResponseWriter, _ *http.Request) {
		WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	sb.HandleControl("POST /_sandbox/reset", sb.reset)
	sb.HandleControl("GET /_sandbox/faults", func(w http.ResponseWriter, _ *http.Request) {
		WriteJSON(w, http.StatusOK, sb.faults.get())
	})
	sb.HandleControl("PUT /_sandbox/faults", sb.putFaults)
	sb.HandleControl("GET /_sandbox/stats", func(w http.ResponseWriter, _ *http.Request) {
		WriteJSON(w, http.StatusOK, sb.Stats())
	})
}

func (sb *Sandbox) reset(w http.ResponseWriter, _ *http.Request) {
	if err := sb.Reset(); err != nil {
		WriteControlError(w, http.StatusInternalServerError, err.Error())
		return
	}
	WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (sb *Sandbox) putFaults(w http.ResponseWriter, r *http.Request) {
	var patch faultsPatch
	if err := DecodeJSON(w, r, &patch); err != nil {
		WriteControlError(w, http.StatusBadRequest, err.Error())
		return
	}
	inForce, err := sb.changeFaults(patch.applyTo)
	if err != nil {
		WriteControlError(w, http.StatusBadRequest, err.Error())
		return
	}
	WriteJSON(w, http.StatusOK, inForce)
}
