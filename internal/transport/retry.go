package transport

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// checkRetry retries 429 for every method, and 5xx and connection errors only
// for methods that are safe to repeat. A POST that failed in flight may have
// created its object; the vendor client decides what to do about that.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		return true, nil
	}
	if resp == nil && err == nil {
		return false, nil
	}
	method := requestMethod(resp, err)
	if method == http.MethodPost {
		return false, nil
	}
	return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
}

// requestMethod recovers the method of the request behind resp or err.
func requestMethod(resp *http.Response, err error) string {
	if resp != nil && resp.Request != nil {
		return resp.Request.Method
	}
	if m, ok := methodOf(err); ok {
		return m
	}
	return ""
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

// methodOf reads the method from the *url.Error that net/http returns for a
// failed round trip; its Op is the method in title case ("Post").
func methodOf(err error) (string, bool) {
	var urlErr *url.Error
	if !errors.As(err, &urlErr) {
		return "", false
	}
	return strings.ToUpper(urlErr.Op), true
}
