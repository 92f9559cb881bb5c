package core

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// Vendor is what the request pipeline needs to know of one vendor's API;
// each vendor package has its own.
type Vendor interface {
	// Admit applies the vendor's rate limit and its headers; when it
	// returns false it has written the 429.
	Admit(w http.ResponseWriter, r *http.Request, now time.Time) bool
	// WriteError answers e in the vendor's error shape; r is there for
	// shapes that name the request (a problem document's instance).
	WriteError(w http.ResponseWriter, r *http.Request, e *APIError)
}

// Fail answers err in v's error shape.
func Fail(v Vendor, w http.ResponseWriter, r *http.Request, err error) {
	v.WriteError(w, r, AsAPIError(err))
}

// notFound answers every request with v's 404, in v's error shape. The
// sandbox serves it for any path under a vendor's prefix that no operation
// matches.
func notFound(v Vendor) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v.WriteError(w, r, Refuse(http.StatusNotFound, "Not found"))
	})
}

// vendorRoute runs a vendor request through what sits in front of the
// vendor's handlers: statistics, then the injected faults in the order a
// real request would meet them (network latency, the rate limiter, a failing
// server), then the write hold, then the handler, whose response may be lost
// on the way back.
//
// op is the operation of the API's document that the route serves, or nil
// for a path that matches no operation. The handlers find it with
// OperationOf.
func (sb *Sandbox) vendorRoute(v Vendor, op *Operation, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sb.requests.count(r.Method, r.Pattern)
		r = withOperation(r, op)
		bodyErr := readBody(w, r)
		faults := sb.faults.get()
		if !pause(r.Context(), sb.latency+time.Duration(faults.LatencyMS)*time.Millisecond) {
			return // The client gave up; nobody is left to answer.
		}
		// The Date header gives the time of the clock that stamps the
		// objects, simulated or not, just as a real vendor's Date header
		// gives the time of its own clock.
		w.Header().Set("Date", sb.now().UTC().Format(http.TimeFormat))
		if !v.Admit(w, r, sb.now()) {
			return
		}
		if bodyErr != nil {
			v.WriteError(w, r, bodyErr)
			return
		}
		if chance(faults.ErrorRate) {
			injected := Refuse(faults.ErrorStatus, "%s (injected by the sandbox)", http.StatusText(faults.ErrorStatus))
			injected.Injected = true
			v.WriteError(w, r, injected)
			return
		}
		if isWrite(r.Method) && !sb.hold.wait(r.Context()) {
			return // The client gave up while its write was parked.
		}
		if isWrite(r.Method) && chance(faults.DropResponseRate) {
			h.ServeHTTP(discardResponse{header: http.Header{}}, r)
			cutConnection(w)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// readBody reads the whole request body before any delay. Go's server only
// notices a client that has left (and cancels the request's context) once
// the body is in, and a body in flight is part of the round trip anyway.
func readBody(w http.ResponseWriter, r *http.Request) *APIError {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return Refuse(http.StatusRequestEntityTooLarge, "request body is larger than %d bytes", tooLarge.Limit)
	}
	if err != nil {
		return Refuse(http.StatusBadRequest, "request body could not be read: %v", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return nil
}

func isWrite(method string) bool {
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// pause waits for d, or reports false if the request is cancelled first.
func pause(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// cutConnection closes the client's connection without a response, the way
// a vendor's load balancer drops one: the client cannot tell whether its
// write was applied.
func cutConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// HTTP/2 connections cannot be hijacked; aborting the handler resets
		// the stream, which the client sees the same way.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// discardResponse swallows the response of a request whose connection is
// about to be cut: the write is applied, but nothing reaches the client.
type discardResponse struct{ header http.Header }

func (d discardResponse) Header() http.Header       { return d.header }
func (discardResponse) Write(b []byte) (int, error) { return len(b), nil }
func (discardResponse) WriteHeader(int)             {}
