package sandbox

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"time"
)

// Every taxonomy write takes a required Idempotency-Key header (DESIGN.md
// §3.1): the one write of these vendors' APIs that is safe to retry by
// contract. The vendor documents the header and nothing of its behaviour;
// the sandbox's rules, which the client relies on, are these:
//
//   - A key is remembered per principal and project for 24 hours of the
//     sandbox's clock, with the request's method, path (with its query),
//     body, and the answer the handler gave, 2xx and 4xx alike.
//   - The same key with the same request replays that answer byte for byte,
//     with Idempotent-Replayed: true, and runs nothing again: a client whose
//     answer was lost (the drop-response fault) gets it on its retry.
//   - The same key with any other request is 422 idempotency_key_reused.
//   - The same key while its first request is still being handled is 409
//     idempotency_key_in_use, retryable after a second.
//   - What answers before the handler (an injected error, the rate limit,
//     authentication, the project check) stores nothing, so a retry with
//     the same key runs.
//   - A 5xx from the handler is not stored either: the write failed, and
//     the retry may run it.

const (
	idempotencyKeyHeader = "Idempotency-Key"
	idempotentReplayed   = "Idempotent-Replayed"
	idempotencyKeyTTL    = 24 * time.Hour
	minIdempotencyKey    = 8
	maxIdempotencyKey    = 255

	codeIdempotencyKeyReused = "idempotency_key_reused"
	codeIdempotencyKeyInUse  = "idempotency_key_in_use"
)

// idempotencyRecord is a keyed write and the answer it got. The body is
// kept as its digest: comparing digests is comparing bodies.
type idempotencyRecord struct {
	Method      string    `json:"method"`
	Path        string    `json:"path"`
	BodySHA256  string    `json:"body_sha256"`
	At          time.Time `json:"at"`
	Status      int       `json:"status"`
	ContentType string    `json:"content_type,omitempty"`
	Body        []byte    `json:"body"`
}

func (rec *idempotencyRecord) sameRequest(other *idempotencyRecord) bool {
	return rec.Method == other.Method && rec.Path == other.Path && rec.BodySHA256 == other.BodySHA256
}

// idempotent runs a taxonomy write under its Idempotency-Key. It sits behind
// authentication and the project check, whose refusals are not the write's
// answer.
func (s *Server) idempotent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, err := idempotencyKeyOf(r.Header)
		if err != nil {
			fail(s.developer, w, r, err)
			return
		}
		// vendorRoute has read the body into memory already.
		body, err := io.ReadAll(r.Body)
		if err != nil {
			fail(s.developer, w, r, refuse(http.StatusBadRequest, "request body could not be read: %v", err))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		digest := sha256.Sum256(body)
		request := idempotencyRecord{Method: r.Method, Path: r.URL.RequestURI(), BodySHA256: hex.EncodeToString(digest[:])}
		id := idempotencyID(principalOf(r), r.PathValue("project_id"), key)

		stored, err := s.store.claimKey(id, key, &request, s.now())
		if err != nil {
			fail(s.developer, w, r, err)
			return
		}
		if stored != nil {
			replay(w, stored)
			return
		}
		answer := &answerRecorder{ResponseWriter: w}
		// Deferred, so that a handler that panics still frees the key.
		defer func() {
			var kept *idempotencyRecord
			if answer.status >= 200 && answer.status < 500 {
				request.At = s.now()
				request.Status = answer.status
				request.ContentType = answer.Header().Get("Content-Type")
				request.Body = answer.body.Bytes()
				kept = &request
			}
			// The answer has gone out; a failed save of the record leaves it
			// in memory, like any other failed save.
			_ = s.store.settleKey(id, kept)
		}()
		next.ServeHTTP(answer, r)
	})
}

// idempotencyID names a key in the store: keys of different principals or
// projects never meet. Neither a login id nor a project id holds a space,
// so the key, last, cannot make two ids equal.
func idempotencyID(p *principal, projectID, key string) string {
	return p.loginID + " " + projectID + " " + key
}

// idempotencyKeyOf reads the header: 8 to 255 printable ASCII characters,
// no spaces, sent once.
func idempotencyKeyOf(h http.Header) (string, error) {
	values := h.Values(idempotencyKeyHeader)
	const want = "a unique key per write, such as a UUID, sent again unchanged when the write is retried"
	var problems fieldProblems
	switch {
	case len(values) == 0:
		problems.add(idempotencyKeyHeader, problemRequired, "%s is required on every taxonomy write: %s", idempotencyKeyHeader, want)
	case len(values) > 1:
		problems.add(idempotencyKeyHeader, problemInvalidValue, "%s is sent %d times; send it once: %s", idempotencyKeyHeader, len(values), want)
	case len(values[0]) < minIdempotencyKey:
		problems.add(idempotencyKeyHeader, problemTooShort, "%s %q is shorter than %d characters: %s", idempotencyKeyHeader, values[0], minIdempotencyKey, want)
	case len(values[0]) > maxIdempotencyKey:
		problems.add(idempotencyKeyHeader, problemTooLong, "%s is longer than %d characters: %s", idempotencyKeyHeader, maxIdempotencyKey, want)
	case strings.ContainsFunc(values[0], func(c rune) bool { return c <= ' ' || c > '~' }):
		problems.add(idempotencyKeyHeader, problemInvalidValue, "%s %q must be printable ASCII without spaces: %s", idempotencyKeyHeader, values[0], want)
	}
	if err := problems.err(http.StatusBadRequest, codeValidationError); err != nil {
		return "", err
	}
	return values[0], nil
}

func replay(w http.ResponseWriter, stored *idempotencyRecord) {
	h := w.Header()
	if stored.ContentType != "" {
		h.Set("Content-Type", stored.ContentType)
	}
	h.Set(idempotentReplayed, "true")
	w.WriteHeader(stored.Status)
	_, _ = w.Write(stored.Body) // The client may be gone; nothing to do then.
}

// answerRecorder passes a handler's answer on and keeps a copy.
type answerRecorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (a *answerRecorder) WriteHeader(status int) {
	if a.status == 0 {
		a.status = status
	}
	a.ResponseWriter.WriteHeader(status)
}

func (a *answerRecorder) Write(b []byte) (int, error) {
	if a.status == 0 {
		a.WriteHeader(http.StatusOK)
	}
	a.body.Write(b)
	return a.ResponseWriter.Write(b)
}

// claimKey decides what a keyed write does: run (nil, nil; the key is then
// in use until settleKey), replay the stored answer, or be refused.
func (s *store) claimKey(id, key string, request *idempotencyRecord, now time.Time) (*idempotencyRecord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.forgetExpiredKeys(now)
	if s.inFlight[id] {
		inUse := refuseWith(http.StatusConflict, codeIdempotencyKeyInUse,
			"%s %s is in use by a request still being handled; retry after it has been answered", idempotencyKeyHeader, key)
		inUse.retryAfterSeconds = 1
		return nil, inUse
	}
	if stored, found := s.state.IdempotencyKeys[id]; found {
		if !stored.sameRequest(request) {
			return nil, reusedKey(key, &stored, request)
		}
		return &stored, nil
	}
	if s.inFlight == nil {
		s.inFlight = map[string]bool{}
	}
	s.inFlight[id] = true
	return nil, nil
}

// reusedKey refuses a key sent again with another request. The vendor names
// no code for this; 422 says the request is well formed and cannot be
// processed as sent, as for any other refused state.
func reusedKey(key string, first, again *idempotencyRecord) error {
	differs := " with another body"
	if first.Method != again.Method || first.Path != again.Path {
		differs = ""
	}
	return refuseWith(http.StatusUnprocessableEntity, codeIdempotencyKeyReused,
		"%s %s was first used for %s %s%s; send a new key for a new write", idempotencyKeyHeader, key, first.Method, first.Path, differs)
}

// settleKey ends a claim, keeping the answer if there is one to keep. A
// claim that a reset has cleared keeps nothing: the answer belongs to the
// state the reset replaced.
func (s *store) settleKey(id string, answer *idempotencyRecord) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.inFlight[id] {
		return nil
	}
	delete(s.inFlight, id)
	if answer == nil {
		return nil
	}
	if s.state.IdempotencyKeys == nil {
		s.state.IdempotencyKeys = map[string]idempotencyRecord{}
	}
	s.state.IdempotencyKeys[id] = *answer
	return s.save()
}

func (st *state) forgetExpiredKeys(now time.Time) {
	for id, rec := range st.IdempotencyKeys {
		if !now.Before(rec.At.Add(idempotencyKeyTTL)) {
			delete(st.IdempotencyKeys, id)
		}
	}
}
