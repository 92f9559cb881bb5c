// Package transport builds the retrying HTTP client that both vendor clients
// use: capped, jittered backoff that honours Retry-After and
// X-RateLimit-Reset, a per-request timeout, a User-Agent, and request logging
// that never carries a secret.
package transport

import (
	"context"
	"fmt"
	"net/http"
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
	// MaxRetries is how many times a failed request is sent again; zero
	// means never.
	MaxRetries     int
	MinBackoff     time.Duration
	MaxBackoff     time.Duration
	RequestTimeout time.Duration
	Logger         Logger
	// Secrets are replaced by "[REDACTED]" in anything logged.
	Secrets []string
}

const (
	defaultMinBackoff     = 200 * time.Millisecond
	defaultMaxBackoff     = 15 * time.Second
	defaultRequestTimeout = 30 * time.Second
)

// Client sends requests with retries, and follows no redirect (see
// RedirectError). Requests that are not idempotent
// (POST) are retried only when the server certainly did not act on them
// (429); everything else is left to the caller, which can look the object up
// before trying again.
type Client struct {
	http      *retryablehttp.Client
	userAgent string
	logger    Logger
	redactor  redactor
}

// New returns a client configured by cfg.
func New(cfg Config) *Client {
	if cfg.MinBackoff == 0 {
		cfg.MinBackoff = defaultMinBackoff
	}
	if cfg.MaxBackoff == 0 {
		cfg.MaxBackoff = defaultMaxBackoff
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = defaultRequestTimeout
	}
	c := &Client{userAgent: cfg.UserAgent, logger: cfg.Logger, redactor: newRedactor(cfg.Secrets)}

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

// Do sends req, retrying as described on Client.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	rreq, err := retryablehttp.FromRequest(req)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(rreq)
	if err != nil {
		return nil, err
	}
	if isRedirect(resp.StatusCode) {
		resp.Body.Close()
		return nil, &RedirectError{StatusCode: resp.StatusCode, Location: c.redactor.redact(RedactURL(location(resp)))}
	}
	return resp, nil
}

func (c *Client) logRequest(_ retryablehttp.Logger, req *http.Request, attempt int) {
	if c.logger == nil {
		return
	}
	c.logger.Debug(req.Context(), "vendor API request", map[string]any{
		"method":  req.Method,
		"url":     c.redactor.redact(req.URL.Redacted()),
		"attempt": attempt + 1,
	})
}

func (c *Client) logResponse(_ retryablehttp.Logger, resp *http.Response) {
	if c.logger == nil {
		return
	}
	fields := map[string]any{
		"method": resp.Request.Method,
		"url":    c.redactor.redact(resp.Request.URL.Redacted()),
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
		return nil, fmt.Errorf("no answer after %d attempts: %w", attempts, err)
	}
	return resp, nil
}
