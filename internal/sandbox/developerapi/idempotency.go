package developerapi

import (
	"net/http"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// Every taxonomy write takes a required Idempotency-Key header, "used to
// safely retry write operations" (each write's page under
// amplitude.com/docs/apis/developer/taxonomy-events/ and its siblings): the one
// write of these vendors' APIs that is safe to retry by contract. The vendor
// documents the header and nothing of its behaviour, and no open point
// answers it; the sandbox's rules, which the client relies on, are these
// (described in api/amplitude-developer.openapi.yaml):
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

// idempotencyID names a key in the store: keys of different principals or
// projects never meet. Neither a login id nor a project id holds a space,
// so the key, last, cannot make two ids equal.
func idempotencyID(p *principal, projectID, key string) string {
	return p.loginID + " " + projectID + " " + key
}

// claimKey decides what a keyed write does: run (nil, nil; the key is then
// in use until settleKey), replay the stored answer, or be refused.
func (a *API) claimKey(id, key string, request *idempotencyRecord) (stored *idempotencyRecord, err error) {
	a.store.Touch(func(tx *core.Tx) {
		st := &a.state
		st.forgetExpiredKeys(tx.Now())
		if st.inFlight[id] {
			inUse := refuseWith(http.StatusConflict, codeIdempotencyKeyInUse,
				"%s %s is in use by a request still being handled; retry after it has been answered", idempotencyKeyHeader, key)
			inUse.RetryAfterSeconds = 1
			err = inUse
			return
		}
		if kept, found := st.IdempotencyKeys[id]; found {
			if !kept.sameRequest(request) {
				err = reusedKey(key, &kept, request)
				return
			}
			stored = &kept
			return
		}
		if st.inFlight == nil {
			st.inFlight = map[string]bool{}
		}
		st.inFlight[id] = true
	})
	return stored, err
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
func (a *API) settleKey(id string, answer *idempotencyRecord) error {
	if answer == nil {
		a.store.Touch(func(*core.Tx) { delete(a.state.inFlight, id) })
		return nil
	}
	return a.update(func(_ *core.Tx, st *state) error {
		if !st.inFlight[id] {
			return nil
		}
		delete(st.inFlight, id)
		if st.IdempotencyKeys == nil {
			st.IdempotencyKeys = map[string]idempotencyRecord{}
		}
		st.IdempotencyKeys[id] = *answer
		return nil
	})
}

func (st *state) forgetExpiredKeys(now time.Time) {
	for id, rec := range st.IdempotencyKeys {
		if !now.Before(rec.At.Add(idempotencyKeyTTL)) {
			delete(st.IdempotencyKeys, id)
		}
	}
}
