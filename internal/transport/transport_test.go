package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

type recordingLogger struct{ lines []string }

func (l *recordingLogger) Debug(_ context.Context, msg string, fields map[string]any) {
	l.lines = append(l.lines, fmt.Sprint(msg, fields))
}

func fastClient(logger Logger, credentials Credentials) *Client {
	return New(Config{MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, UserAgent: "test/1", Logger: logger, Credentials: credentials})
}

func TestRetriesServerErrorsForReadsButNotCreates(t *testing.T) {
	var calls atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("User-Agent") != "test/1" {
			t.Errorf("User-Agent = %q", r.Header.Get("User-Agent"))
		}
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer server.Close()
	client := fastClient(nil, Credentials{})

	for _, tc := range []struct {
		method         string
		idempotencyKey string
		want           int32
	}{
		{http.MethodGet, "", 4},
		{http.MethodPut, "", 4},
		{http.MethodDelete, "", 4},
		{http.MethodPost, "", 1},
		{http.MethodPatch, "", 1},
		// The server replays the first answer to a repeated key: safe.
		{http.MethodPost, "key-0001", 4},
		{http.MethodPatch, "key-0002", 4},
	} {
		calls.Store(0)
		req, _ := http.NewRequest(tc.method, server.URL, strings.NewReader("{}"))
		if tc.idempotencyKey != "" {
			req.Header.Set("Idempotency-Key", tc.idempotencyKey)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tc.method, err)
		}
		if resp.StatusCode != http.StatusServiceUnavailable || calls.Load() != tc.want {
			t.Errorf("%s (Idempotency-Key %q): status %d after %d calls; want 503 after %d", tc.method, tc.idempotencyKey, resp.StatusCode, calls.Load(), tc.want)
		}
	}
}

// Amplitude's Developer API says when to come back only in the body of its
// 429 problem document.
func TestRateLimitHintFromAProblemBody(t *testing.T) {
	var calls atomic.Int32
	var firstAt, secondAt time.Time
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			firstAt = time.Now()
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"status": 429, "error_code": "rate_limit_exceeded", "retryable": true, "retry_after_seconds": 1}`))
			return
		}
		secondAt = time.Now()
		w.WriteHeader(http.StatusOK)
	}))
	defer server.Close()
	// A client whose own backoff is far below the hint.
	client := New(Config{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Second})
	req, _ := http.NewRequest(http.MethodPatch, server.URL, strings.NewReader("{}"))
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || calls.Load() != 2 {
		t.Fatalf("status %d after %d calls; want 200 after 2", resp.StatusCode, calls.Load())
	}
	if waited := secondAt.Sub(firstAt); waited < 900*time.Millisecond {
		t.Errorf("retried after %v; the problem document asked for 1 s", waited)
	}
}

// A 429 whose retries run out still hands its problem document to the caller.
func TestRateLimitProblemBodyReachesTheCaller(t *testing.T) {
	body := `{"status": 429, "error_code": "rate_limit_exceeded", "retryable": true, "retry_after_seconds": 0}`
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(body))
	}))
	defer server.Close()
	req, _ := http.NewRequest(http.MethodGet, server.URL, nil)
	resp, err := fastClient(nil, Credentials{}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusTooManyRequests || string(resp.Body) != body {
		t.Errorf("status %d, body %q; want 429 with the problem document", resp.StatusCode, resp.Body)
	}
}

func TestRetriesRateLimitedCreates(t *testing.T) {
	var calls atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}))
	defer server.Close()
	req, _ := http.NewRequest(http.MethodPost, server.URL, strings.NewReader("{}"))
	resp, err := fastClient(nil, Credentials{}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusCreated || calls.Load() != 3 {
		t.Errorf("status %d after %d calls; want 201 after 3", resp.StatusCode, calls.Load())
	}
}

func TestLogsCarryNoSecrets(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer server.Close()
	logger := &recordingLogger{}
	req, _ := http.NewRequest(http.MethodGet, server.URL+"/keys?token=s3cr3t-value", nil)
	if _, err := fastClient(logger, BasicAuth("user", "s3cr3t-value")).Do(req); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(logger.lines, "\n")
	if len(logger.lines) != 2 || strings.Contains(all, "s3cr3t-value") || !strings.Contains(all, "[REDACTED]") {
		t.Errorf("log lines:\n%s", all)
	}
}

type statusErr int

func (e statusErr) Error() string   { return fmt.Sprintf("HTTP %d", int(e)) }
func (e statusErr) HTTPStatus() int { return int(e) }

func TestCreateOnceFindsALostCreate(t *testing.T) {
	var creates, finds int
	stored := false
	got, err := CreateOnce(context.Background(), 5,
		func(context.Context) (string, error) {
			creates++
			stored = true // the server acted, but the answer was lost
			return "", errors.New("connection reset by peer")
		},
		func(context.Context) (string, bool, error) {
			finds++
			return "obj-1", stored, nil
		})
	if err != nil || got != "obj-1" || creates != 1 || finds != 1 {
		t.Errorf("got %q, %v after %d creates and %d finds; want obj-1 after 1 create and 1 find", got, err, creates, finds)
	}
}

func TestCreateOnceRetriesWhenNothingWasStored(t *testing.T) {
	var creates int
	got, err := CreateOnce(context.Background(), 5,
		func(context.Context) (string, error) {
			creates++
			if creates < 3 {
				return "", statusErr(http.StatusServiceUnavailable)
			}
			return "obj-2", nil
		},
		func(context.Context) (string, bool, error) { return "", false, nil })
	if err != nil || got != "obj-2" || creates != 3 {
		t.Errorf("got %q, %v after %d creates; want obj-2 after 3", got, err, creates)
	}
}

func TestCreateOnceReturnsRefusalsAtOnce(t *testing.T) {
	var creates int
	_, err := CreateOnce(context.Background(), 5,
		func(context.Context) (string, error) { creates++; return "", statusErr(http.StatusConflict) },
		func(context.Context) (string, bool, error) {
			t.Fatal("find called after a refusal")
			return "", false, nil
		})
	if creates != 1 || err == nil {
		t.Errorf("%d creates, err %v; want 1 create and the 409", creates, err)
	}
}

func TestUnreachableServerFailsAfterTheBudget(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	server.Close() // nothing listens there any more
	req, _ := http.NewRequest(http.MethodGet, server.URL, nil)
	_, err := fastClient(nil, Credentials{}).Do(req)
	if err == nil || !strings.Contains(err.Error(), "no answer after 4 attempts") || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("err = %v; want the attempts and the cause", err)
	}
}

func TestCreateOnceFinishesWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	got, err := CreateOnce(ctx, 3,
		func(ctx context.Context) (string, error) {
			cancel() // Terraform is interrupted while the create is in flight
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			return "obj-3", nil
		},
		func(context.Context) (string, bool, error) { return "", false, nil })
	if err != nil || got != "obj-3" {
		t.Errorf("got %q, %v; want the create to finish", got, err)
	}
	if _, err := CreateOnce(ctx, 3,
		func(context.Context) (string, error) { t.Fatal("a create started after cancellation"); return "", nil },
		func(context.Context) (string, bool, error) { return "", false, nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v; want context.Canceled for a create not yet started", err)
	}
}

func TestAnswersAreReadUpToTheLimit(t *testing.T) {
	const limit = 1 << 20
	size := limit
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("x", size))
	}))
	defer server.Close()
	client := New(Config{MaxResponseBytes: limit})

	req, _ := http.NewRequest(http.MethodGet, server.URL, nil)
	if resp, err := client.Do(req); err != nil || len(resp.Body) != limit {
		t.Fatalf("an answer of exactly the limit: %v", err)
	}
	size = limit + 1
	req, _ = http.NewRequest(http.MethodGet, server.URL, nil)
	if _, err := client.Do(req); err == nil || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Errorf("an answer one byte over the limit: err = %v; want it refused, naming the limit", err)
	}
}

// A host that accepts connections but never answers fails within the
// client's timeout, retries included, and the error names the host. The
// timeout bounds the whole request, not each attempt: the host sees at most
// one attempt, where a timeout per attempt would have let nine through.
func TestSilentHostFailsWithinTheTimeout(t *testing.T) {
	release := make(chan struct{})
	var attempts atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		attempts.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer server.Close()
	defer close(release)
	client := New(Config{MaxRetries: 8, MinBackoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond, Timeout: 500 * time.Millisecond})
	req, _ := http.NewRequest(http.MethodGet, server.URL+"/slow", nil)
	_, err := client.Do(req)
	host := strings.TrimPrefix(server.URL, "http://")
	if err == nil || !strings.Contains(err.Error(), "no answer from "+host+" within 500ms") {
		t.Errorf("err = %v; want one that names the host and the limit", err)
	}
	if n := attempts.Load(); n > 1 {
		t.Errorf("the host saw %d attempts; the timeout should end the request during the first", n)
	}
	if DefaultTimeout != 2*time.Minute {
		t.Errorf("the default limit is %v; the README promises 2 minutes", DefaultTimeout)
	}
}

// The answer that ends spent retries says how many attempts were made.
func TestSpentRetriesCountTheAttempts(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer server.Close()
	req, _ := http.NewRequest(http.MethodGet, server.URL, nil)
	resp, err := fastClient(nil, Credentials{}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusTooManyRequests || resp.Attempts != 4 {
		t.Errorf("status %d after %d attempts; want 429 after 4", resp.StatusCode, resp.Attempts)
	}
}
