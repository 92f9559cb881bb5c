package developerapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// idempotent runs a taxonomy write under its Idempotency-Key. It sits behind
// authentication and the project check, whose refusals are not the write's
// answer.
func (a *API) idempotent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, err := idempotencyKeyOf(r.Header)
		if err != nil {
			core.Fail(a.vendor, w, r, err)
			return
		}
		// The request pipeline has read the body into memory already.
		body, err := io.ReadAll(r.Body)
		if err != nil {
			core.Fail(a.vendor, w, r, core.Refuse(http.StatusBadRequest, "request body could not be read: %v", err))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		digest := sha256.Sum256(body)
		request := idempotencyRecord{Method: r.Method, Path: r.URL.RequestURI(), BodySHA256: hex.EncodeToString(digest[:])}
		id := idempotencyID(principalOf(r), r.PathValue("project_id"), key)

		stored, err := a.claimKey(id, key, &request)
		if err != nil {
			core.Fail(a.vendor, w, r, err)
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
				request.At = a.sb.Now()
				request.Status = answer.status
				request.ContentType = answer.Header().Get("Content-Type")
				request.Body = answer.body.Bytes()
				kept = &request
			}
			// The answer has gone out; a failed save of the record leaves it
			// in memory, like any other failed save.
			_ = a.settleKey(id, kept)
		}()
		next.ServeHTTP(answer, r)
	})
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
