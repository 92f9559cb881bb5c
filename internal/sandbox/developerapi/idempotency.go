package developerapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Every tracking-plan write takes a required Idempotency-Key header, "used
// to safely retry write operations" (each write's page, such as
// amplitude.com/docs/apis/developer/taxonomy-events/create-event-taxonomy-entry).
// The vendor documents the header and nothing of how it behaves; the
// sandbox's rules, which the client relies on and the document records,
// are these:
//
//   - A key is kept per principal and project for 24 hours of the
//     sandbox's clock, with the request's method, path (with its query),
//     body, and the answer the handler gave, 2xx and 4xx alike.
//   - The same key with the same request replays that answer byte for byte,
//     with Idempotent-Replayed: true, and runs nothing again: a client whose
//     answer was lost gets it on its retry.
//   - The same key with any other request is 422 idempotency_key_reused.
//   - The same key while its first request is still being handled is 409
//     idempotency_key_in_use, retryable after a second.
//   - What answers before the handler (an injected error, the rate limit,
//     authentication, the request's shape, the project check) keeps
//     nothing, so a retry with the same key runs; nor does a 5xx from the
//     handler: the write failed, and the retry may run it.

const (
	idempotencyKeyHeader = "Idempotency-Key"
	idempotencyKeyTTL    = 24 * time.Hour
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

// idempotencyID returns the name a key is stored under, so that the keys of
// different principals or projects never collide. Neither a login id nor a
// project id contains a space, so the key, which comes last and may hold
// anything, cannot make two ids equal.
func idempotencyID(p *principal, projectID, key string) string {
	return p.loginID + " " + projectID + " " + key
}

// idempotent runs a write under its Idempotency-Key. The document has
// already checked the key; the rule that the header is sent only once is
// the sandbox's own.
func (a *API) idempotent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if values := r.Header.Values(idempotencyKeyHeader); len(values) > 1 {
			core.Fail(a, w, r, RefuseField(http.StatusBadRequest, CodeValidationError, idempotencyKeyHeader, core.ProblemInvalidValue,
				"%s is sent %d times; send it once, unchanged on every retry of the write", idempotencyKeyHeader, len(values)))
			return
		}
		key := r.Header.Get(idempotencyKeyHeader)
		// The request pipeline has read the body into memory already.
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		digest := sha256.Sum256(body)
		request := idempotencyRecord{Method: r.Method, Path: r.URL.RequestURI(), BodySHA256: hex.EncodeToString(digest[:])}
		id := idempotencyID(principalOf(r), r.PathValue("project_id"), key)

		kept, err := a.claimKey(id, key, &request)
		switch {
		case err != nil:
			core.Fail(a, w, r, err)
			return
		case kept != nil:
			if kept.ContentType != "" {
				w.Header().Set("Content-Type", kept.ContentType)
			}
			w.Header().Set("Idempotent-Replayed", "true")
			w.WriteHeader(kept.Status)
			_, _ = w.Write(kept.Body) // The client may be gone; nothing to do then.
			return
		}
		answer := &answerRecorder{ResponseWriter: w}
		// Deferred, so that a handler that panics still frees the key.
		defer func() {
			if answer.status < 200 || answer.status >= 500 {
				a.settleKey(id, nil)
				return
			}
			request.At, request.Status = a.sb.Now(), answer.status
			request.ContentType, request.Body = answer.Header().Get("Content-Type"), answer.body.Bytes()
			a.settleKey(id, &request)
		}()
		next.ServeHTTP(answer, r)
	})
}

// claimKey decides what a keyed write does. It returns (nil, nil) when the
// write should run, and the key is then in use until settleKey. It returns
// the kept answer when the write should replay it, and an error when the
// write is refused. The 422
// for a key reused for another request is the sandbox's choice: the vendor
// names no code for it, and 422 says the request is well formed but cannot
// be processed as sent.
func (a *API) claimKey(id, key string, request *idempotencyRecord) (kept *idempotencyRecord, err error) {
	a.store.Touch(func(tx *core.Tx) {
		st := &a.state
		for keptID, rec := range st.IdempotencyKeys {
			if !tx.Now().Before(rec.At.Add(idempotencyKeyTTL)) {
				delete(st.IdempotencyKeys, keptID)
			}
		}
		rec, found := st.IdempotencyKeys[id]
		switch {
		case st.inFlight[id]:
			inUse := Refuse(http.StatusConflict, "idempotency_key_in_use",
				"%s %s is in use by a request still being handled; retry after it has been answered", idempotencyKeyHeader, key)
			inUse.RetryAfterSeconds = 1
			err = inUse
		case found && (rec.Method != request.Method || rec.Path != request.Path):
			err = Refuse(http.StatusUnprocessableEntity, "idempotency_key_reused",
				"%s %s was first used for %s %s; send a new key for a new write", idempotencyKeyHeader, key, rec.Method, rec.Path)
		case found && rec.BodySHA256 != request.BodySHA256:
			err = Refuse(http.StatusUnprocessableEntity, "idempotency_key_reused",
				"%s %s was first used for %s %s with another body; send a new key for a new write", idempotencyKeyHeader, key, rec.Method, rec.Path)
		case found:
			kept = &rec
		default:
			if st.inFlight == nil {
				st.inFlight = map[string]bool{}
			}
			st.inFlight[id] = true
		}
	})
	return kept, err
}

// settleKey ends a claim, keeping the answer if there is one to keep. A
// claim that a reset has cleared keeps nothing: the answer belongs to the
// state the reset replaced. The answer has gone out by then, so a failed
// save leaves the record in memory, like any other failed save.
func (a *API) settleKey(id string, answer *idempotencyRecord) {
	_ = a.store.Update(func(*core.Tx) error {
		if !a.state.inFlight[id] {
			return nil
		}
		delete(a.state.inFlight, id)
		if answer != nil {
			if a.state.IdempotencyKeys == nil {
				a.state.IdempotencyKeys = map[string]idempotencyRecord{}
			}
			a.state.IdempotencyKeys[id] = *answer
		}
		return nil
	})
}

// answerRecorder passes a handler's answer on and keeps a copy, so that a
// retry with the same key can replay it.
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
