package core

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// The control endpoints are the sandbox's own API for tests and demos, under
// /_sandbox. They bypass the vendor pipeline, so they are never counted in
// the statistics and no fault ever hits them.
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
	sb.HandleControl("POST /_sandbox/release", func(w http.ResponseWriter, _ *http.Request) {
		sb.hold.release()
		WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	sb.HandleControl("GET /_sandbox/held", sb.held)
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
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		WriteControlError(w, http.StatusBadRequest, err.Error())
		return
	}
	// The body is decoded onto the faults in force, so the members it does
	// not send keep their value.
	inForce, err := sb.changeFaults(func(f Faults) (Faults, error) {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		return f, dec.Decode(&f)
	})
	if err != nil {
		WriteControlError(w, http.StatusBadRequest, err.Error())
		return
	}
	WriteJSON(w, http.StatusOK, inForce)
}

// held waits until the write hold has parked at least at_least writes
// (default 1), then answers how many are parked. A caller thus waits on the
// sandbox itself instead of polling it against a timer.
func (sb *Sandbox) held(w http.ResponseWriter, r *http.Request) {
	atLeast := 1
	if v := r.URL.Query().Get("at_least"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			WriteControlError(w, http.StatusBadRequest, "at_least must be a whole number, 0 or more")
			return
		}
		atLeast = n
	}
	parked, err := sb.hold.awaitParked(r.Context(), atLeast)
	if err != nil {
		return // The caller gave up waiting.
	}
	WriteJSON(w, http.StatusOK, map[string]int{"held": parked})
}
