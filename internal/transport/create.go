package transport

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// StatusError is implemented by the vendor clients' API errors.
type StatusError interface {
	error
	HTTPStatus() int
}

// OutcomeUnknown reports whether err leaves open that the server acted on the
// request: the response was lost, or the server failed after reading it.
func OutcomeUnknown(err error) bool {
	var statusErr StatusError
	if errors.As(err, &statusErr) {
		return statusErr.HTTPStatus() >= http.StatusInternalServerError
	}
	return err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}

// createDeadline bounds how long CreateOnce keeps going after it has stopped
// listening to cancellation, so that a host that never answers cannot hold
// an interrupted apply forever.
const createDeadline = 5 * time.Minute

// CreateOnce runs create and, when its outcome is unknown, looks for the
// object by its unique key with find before trying again, so a lost response
// never becomes a duplicate. attempts bounds the number of creates.
//
// A create that has started runs to its end even when ctx is cancelled (an
// interrupted terraform apply cancels the calls in flight): the object then
// reaches state, instead of existing at the vendor unknown to Terraform,
// where the next apply would collide with it.
func CreateOnce[T any](ctx context.Context, attempts int, create func(context.Context) (T, error), find func(context.Context) (T, bool, error)) (T, error) {
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), createDeadline)
	defer cancel()
	var zero T
	var lastErr error
	for attempt := range attempts {
		if attempt > 0 {
			existing, found, err := find(ctx)
			if err != nil {
				return zero, errors.Join(lastErr, err)
			}
			if found {
				return existing, nil
			}
			if err := Sleep(ctx, Backoff(defaultMinBackoff, 5*time.Second, attempt, nil)); err != nil {
				return zero, errors.Join(lastErr, err)
			}
		}
		created, err := create(ctx)
		if err == nil || !OutcomeUnknown(err) {
			return created, err
		}
		lastErr = err
	}
	// The last create may have succeeded without our hearing of it.
	if existing, found, err := find(ctx); err == nil && found {
		return existing, nil
	}
	return zero, lastErr
}

// Sleep waits for d, or until ctx ends, in which case it returns ctx's error.
func Sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
