package transport

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// checkRetry retries 429 for every request, and 5xx and connection errors
// only for requests that are safe to repeat (see safeToRepeat). A write that
// failed in flight may have been applied; the vendor client decides what to
// do about that.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		adoptProblemRetryHint(resp)
		return true, nil
	}
	if resp == nil && err == nil {
		return false, nil
	}
	if !isSafeToRepeat(ctx) {
		return false, nil
	}
	return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
}

type safeToRepeatKey struct{}

// safeToRepeat reports whether sending req twice has the effect of sending it
// once: the idempotent methods, and any write that carries an Idempotency-Key
// (the server replays the first answer to a repeat).
func safeToRepeat(req *http.Request) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return req.Header.Get("Idempotency-Key") != ""
}

// MarkSafeToRepeat declares that req may be sent again after a failure whose
// outcome is unknown, although its method and headers do not say so: a
// request that only validates (a dry run) changes nothing however often it
// arrives.
func MarkSafeToRepeat(req *http.Request) *http.Request {
	return req.WithContext(context.WithValue(req.Context(), safeToRepeatKey{}, true))
}

func isSafeToRepeat(ctx context.Context) bool {
	safe, _ := ctx.Value(safeToRepeatKey{}).(bool)
	return safe
}

// problemRetryHintLimit bounds how much of a 429 body is read for its hint.
const problemRetryHintLimit = 64 << 10

// adoptProblemRetryHint turns the retry_after_seconds of an RFC 9457 problem
// document (Amplitude's Developer API sends no rate-limit headers, only that
// field) into a Retry-After header, so that Backoff honours it like any
// other server hint. The body is put back for the caller.
func adoptProblemRetryHint(resp *http.Response) {
	if resp.Header.Get("Retry-After") != "" || resp.Body == nil ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		return
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, problemRetryHintLimit))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(raw))
	if err != nil {
		return
	}
	var problem struct {
		RetryAfterSeconds *int `json:"retry_after_seconds"`
	}
	if json.Unmarshal(raw, &problem) == nil && problem.RetryAfterSeconds != nil && *problem.RetryAfterSeconds >= 0 {
		resp.Header.Set("Retry-After", strconv.Itoa(*problem.RetryAfterSeconds))
	}
}

// Backoff is exponential with full jitter between min and max, except that a
// server's Retry-After or X-RateLimit-Reset wins when it says when to come
// back (capped at max so a bad header cannot hang a plan).
func Backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if wait, ok := serverRequestedWait(resp, time.Now()); ok {
		return min(max(wait, minWait), maxWait)
	}
	ceiling := minWait << min(attempt, 30)
	if ceiling <= 0 || ceiling > maxWait {
		ceiling = maxWait
	}
	return minWait + rand.N(ceiling-minWait+1)
}

// serverRequestedWait reads X-RateLimit-Reset (epoch seconds) or Retry-After
// (seconds or an HTTP date) from a 429 or 503 response. The reset time wins
// when both are sent: Retry-After is rounded up to whole seconds, and waiting
// for it would idle through most of a one-second window. Header lookups are
// case-insensitive, so lower-case names from a proxy work too.
func serverRequestedWait(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	if s := resp.Header.Get("X-RateLimit-Reset"); s != "" {
		if epoch, err := strconv.ParseInt(s, 10, 64); err == nil {
			// The reset second has passed once the clock reaches it; a small
			// offset lands the retry inside the new window.
			return time.Unix(epoch, 0).Sub(now) + 50*time.Millisecond, true
		}
	}
	if s := resp.Header.Get("Retry-After"); s != "" {
		if secs, err := strconv.Atoi(s); err == nil && secs >= 0 {
			return time.Duration(secs) * time.Second, true
		}
		if at, err := http.ParseTime(s); err == nil {
			return at.Sub(now), true
		}
	}
	return 0, false
}
