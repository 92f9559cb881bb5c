// Package transport builds the retrying HTTP client that both vendor clients
// use: capped, jittered backoff that honours Retry-After and
// X-RateLimit-Reset, a per-request timeout, a User-Agent, credentials it sets
// itself, no redirects, and errors and logs that never carry a secret.
package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Logger receives one line per request attempt. The provider adapts it to
// tflog; the clients stay free of Terraform packages.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
}

// Config tunes the client. Zero values take the defaults below.
type Config struct {
	UserAgent string
	// Credentials go on every request as its Authorization header.
	Credentials Credentials
	// MaxRetries is how many times a failed request is sent again; zero
	// means never.
	MaxRetries int
	MinBackoff time.Duration
	MaxBackoff time.Duration
	// RequestTimeout bounds one attempt.
	RequestTimeout time.Duration
	// Timeout bounds one request with all its attempts and waits: a host
	// that accepts connections but never answers fails within it.
	Timeout time.Duration
	// MaxResponseBytes bounds how much of an answer is read.
	MaxResponseBytes int64
	Logger           Logger
	// Secrets lists more values to replace by "[REDACTED]" in errors, error
	// answers and logs. Every form of the Credentials is always replaced,
	// whether or not it is listed here.
	Secrets []string
}

const (
	defaultMinBackoff     = 200 * time.Millisecond
	defaultMaxBackoff     = 15 * time.Second
	defaultRequestTimeout = 30 * time.Second
	// DefaultTimeout is how long a request may take with its retries
	// before the provider gives up on the host.
	DefaultTimeout = 2 * time.Minute
	// defaultMaxResponseBytes is far above the largest answer either
	// vendor documents (a page of 1000 objects, a project's cohorts), and
	// low enough that a server that never stops sending cannot exhaust
	// memory.
	defaultMaxResponseBytes = 32 << 20
)

// Client sends requests with retries, and follows no redirect (see
// RedirectError). Writes that are not safe to repeat (a POST or PATCH
// without an Idempotency-Key) are retried only when the server certainly did
// not act on them (429); everything else is left to the caller, which can
// look the object up before trying again.
type Client struct {
	http             *retryablehttp.Client
	timeout          time.Duration
	userAgent        string
	authorization    string
	maxResponseBytes int64
	logger           Logger
	redactor         redactor
}

// New returns a client configured by cfg.
func New(cfg Config) *Client {
	if cfg.MinBackoff == 0 {
		cfg.MinBackoff = defaultMinBackoff
	}
	if cfg.MaxBackoff == 0 {
		cfg.MaxBackoff = defaultMaxBackoff
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = defaultRequestTimeout
	}
	cfg.RequestTimeout = min(cfg.RequestTimeout, cfg.Timeout)
	if cfg.MaxResponseBytes == 0 {
		cfg.MaxResponseBytes = defaultMaxResponseBytes
	}
	c := &Client{
		timeout:          cfg.Timeout,
		userAgent:        cfg.UserAgent,
		authorization:    cfg.Credentials.header,
		maxResponseBytes: cfg.MaxResponseBytes,
		logger:           cfg.Logger,
		redactor:         newRedactor(slices.Concat(cfg.Credentials.secrets, cfg.Secrets)),
	}

	rc := retryablehttp.NewClient()
	rc.HTTPClient.Timeout = cfg.RequestTimeout
	rc.HTTPClient.CheckRedirect = refuseRedirects
	rc.RetryMax = cfg.MaxRetries
	rc.RetryWaitMin = cfg.MinBackoff
	rc.RetryWaitMax = cfg.MaxBackoff
	rc.Backoff = Backoff
	rc.CheckRetry = checkRetry
	rc.Logger = nil
	rc.RequestLogHook = c.logRequest
	rc.ResponseLogHook = c.logResponse
	rc.ErrorHandler = giveUp
	c.http = rc
	return c
}

// Response is an answer read whole, up to Config.MaxResponseBytes.
type Response struct {
	StatusCode int
	Header     http.Header
	// Attempts is how many times the request was sent. It is more than one
	// when earlier attempts failed and were retried, and this answer is the
	// last of them.
	Attempts int
	// Body of an error answer (any status but 2xx) comes with the secrets
	// redacted: clients build the user's error messages from it, and a
	// server may echo the Authorization header there.
	Body []byte
}

// errOwnAuthorization refuses a request that sets its own Authorization
// header. Credentials must come through Config.Credentials, because only
// those are known to the redactor and hidden in errors and logs.
var errOwnAuthorization = errors.New("transport: the request sets its own Authorization header; pass the credentials as Config.Credentials so that they are redacted")

// Do sends req with the credentials, retrying as described on Client, and
// reads the answer. Its errors carry no secret. Do sets the Authorization
// header on req, and refuses a request that already has one, so each request
// can be passed to Do only once: build a new one to send again.
func (c *Client) Do(req *http.Request) (*Response, error) {
	if req.Header.Get("Authorization") != "" {
		return nil, errOwnAuthorization
	}
	if c.authorization != "" {
		req.Header.Set("Authorization", c.authorization)
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	if !isSafeToRepeat(req.Context()) && safeToRepeat(req) {
		req = MarkSafeToRepeat(req)
	}
	parent := req.Context()
	ctx, cancel := context.WithTimeout(parent, c.timeout)
	defer cancel()
	attempts := new(int)
	req = req.WithContext(context.WithValue(ctx, attemptsKey{}, attempts))
	resp, err := c.send(req)
	if err != nil {
		// The client's own timeout ran out, not the caller's context, so the
		// error says which host did not answer, and for how long.
		if errors.Is(ctx.Err(), context.DeadlineExceeded) && parent.Err() == nil {
			err = fmt.Errorf("no answer from %s within %v (%s): %w", req.URL.Host, c.timeout, attemptCount(*attempts), err)
		}
		return nil, c.redactError(err)
	}
	resp.Attempts = *attempts
	return resp, nil
}

type attemptsKey struct{}

// attemptCount writes n attempts in words a message can carry.
func attemptCount(n int) string {
	if n == 1 {
		return "1 attempt"
	}
	return fmt.Sprintf("%d attempts", n)
}

func (c *Client) send(req *http.Request) (*Response, error) {
	rreq, err := retryablehttp.FromRequest(req)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(rreq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if isRedirect(resp.StatusCode) {
		return nil, &RedirectError{StatusCode: resp.StatusCode, Location: c.Redact(RedactURL(location(resp)))}
	}
	body, err := readAtMost(resp.Body, c.maxResponseBytes)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		body = []byte(c.Redact(string(body)))
	}
	return &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

// readAtMost reads r whole, or fails once it holds more than limit bytes:
// a truncated answer would decode as something else, or not at all.
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading the answer: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("the answer is larger than %s, the most this provider reads; it was cut there and not used", byteSize(limit))
	}
	return body, nil
}

// byteSize writes n in MiB when it is a whole number of them.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Redact hides the credentials and Secrets in s, in every form the redactor
// knows. Clients pass anything else they quote from a server through it.
func (c *Client) Redact(s string) string {
	return c.redactor.redact(s)
}

func (c *Client) redactError(err error) error {
	if text := c.Redact(err.Error()); text != err.Error() {
		return &redactedError{err: err, text: text}
	}
	return err
}

func (c *Client) logRequest(_ retryablehttp.Logger, req *http.Request, attempt int) {
	if n, ok := req.Context().Value(attemptsKey{}).(*int); ok {
		*n = attempt + 1
	}
	if c.logger == nil {
		return
	}
	c.logger.Debug(req.Context(), "vendor API request", map[string]any{
		"method":  req.Method,
		"url":     c.Redact(RedactURL(req.URL.String())),
		"attempt": attempt + 1,
	})
}

func (c *Client) logResponse(_ retryablehttp.Logger, resp *http.Response) {
	if c.logger == nil {
		return
	}
	fields := map[string]any{
		"method": resp.Request.Method,
		"url":    c.Redact(RedactURL(resp.Request.URL.String())),
		"status": resp.StatusCode,
	}
	if remaining := resp.Header.Get("X-RateLimit-Remaining"); remaining != "" {
		fields["rate_limit_remaining"] = remaining
	}
	c.logger.Debug(resp.Request.Context(), "vendor API response", fields)
}

// giveUp ends a request whose retries ran out. A last response is passed on
// so the caller can report the vendor's own message; a last network error is
// wrapped to say the retry budget was spent, so the user knows it was not
// the first try that failed.
func giveUp(resp *http.Response, err error, attempts int) (*http.Response, error) {
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, fmt.Errorf("no answer after %s: %w", attemptCount(attempts), err)
	}
	return resp, nil
}
