package core

import "net/http"

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

// discardResponse takes the response of a request whose connection is about
// to be cut.
type discardResponse struct{ header http.Header }

func (d discardResponse) Header() http.Header       { return d.header }
func (discardResponse) Write(b []byte) (int, error) { return len(b), nil }
func (discardResponse) WriteHeader(int)             {}
