// Package amplitude is a client for Amplitude's APIs that take the project's
// Basic credentials: the real Behavioral Cohorts and event-streaming metrics
// APIs, and the modeled sync endpoints. Their contract is
// api/amplitude-basic.openapi.yaml. Destinations and the tracking plan live
// on the Developer API: package developer. It knows HTTP and JSON, nothing
// about Terraform.
package amplitude

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/readcache"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Config holds what a Client needs to reach one Amplitude project.
type Config struct {
	// BaseURL is the API host, e.g. https://amplitude.com.
	BaseURL   string
	APIKey    string
	SecretKey string
	Transport transport.Config
	// BatchReads makes the client answer reads of syncs from one listing
	// once it has read a few one by one (see package readcache). Set it only
	// for a client that lives for one Terraform command: its reads then see
	// the syncs as they were when listed, apart from the client's own
	// writes, which drop the listing.
	BatchReads bool
	// DeliveryMetricsPacer keeps the delivery metrics reads within the
	// vendor's limits. When it is nil, the client makes its own pacer on the
	// real clock.
	DeliveryMetricsPacer *DeliveryMetricsPacer
}

// Client calls one Amplitude project's APIs.
type Client struct {
	baseURL        *url.URL
	http           *transport.Client
	createAttempts int
	syncs          *readcache.Cache[Sync]
	metricsLimiter *limiter
}

// New validates cfg and returns a client.
func New(cfg Config) (*Client, error) {
	base, err := url.Parse(strings.TrimSuffix(cfg.BaseURL, "/"))
	if err != nil || base.Host == "" || (base.Scheme != "https" && base.Scheme != "http") {
		return nil, fmt.Errorf("invalid Amplitude base URL %q", transport.RedactURL(cfg.BaseURL))
	}
	if cfg.APIKey == "" || cfg.SecretKey == "" {
		return nil, errors.New("the Amplitude API key and secret key are both required")
	}
	cfg.Transport.Credentials = transport.BasicAuth(cfg.APIKey, cfg.SecretKey)
	c := &Client{baseURL: base, http: transport.New(cfg.Transport),
		createAttempts: cfg.Transport.MaxRetries + 1}
	if cfg.DeliveryMetricsPacer == nil {
		cfg.DeliveryMetricsPacer = NewDeliveryMetricsPacer(nil)
	}
	c.metricsLimiter = cfg.DeliveryMetricsPacer.limiter
	c.syncs = readcache.New(cfg.BatchReads, c.ListSyncs, func(s Sync) string { return s.ID })
	return c, nil
}

// APIError is an error answer to one of the client's requests. Vendor is
// true when the answer is in Amplitude's own {"success": false, "errors":
// [{"message": …}]} shape, and false when something else answered, such as
// a proxy's page or another API. The difference matters because only
// Amplitude's own 404 may make Terraform forget an object.
type APIError struct {
	Status   int
	Messages []string
	Vendor   bool
	// Method and URL name the request; URL without credentials.
	Method, URL string
	// Attempts is how many times the request was sent. It is more than 1
	// when the request was retried until the retries ran out.
	Attempts int
}

func (e *APIError) Error() string {
	var msg string
	switch {
	case !e.Vendor:
		msg = transport.ForeignAnswer(e.Method, e.URL, e.Status, "Amplitude's API", `it answers errors as {"success": false, "errors": [...]}`,
			"the base URL is probably wrong: it is the API's host, such as https://amplitude.com", strings.Join(e.Messages, "; "))
	case len(e.Messages) == 0:
		msg = fmt.Sprintf("Amplitude API answered HTTP %d", e.Status)
	default:
		msg = fmt.Sprintf("Amplitude API answered HTTP %d: %s", e.Status, strings.Join(e.Messages, "; "))
	}
	return msg + transport.AttemptsNote(e.Attempts)
}

// HTTPStatus lets the transport tell server failures from refusals.
func (e *APIError) HTTPStatus() int { return e.Status }

// IsNotFound reports whether err is Amplitude's own answer that an object
// does not exist. A 404 from something else is an error to report, not a
// deletion.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound && apiErr.Vendor
}

// IsConflict reports whether err is Amplitude's 409 (a duplicate name or key).
func IsConflict(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusConflict
}

// envelope is the object the modeled endpoints wrap their answers in.
type envelope[T any] struct {
	Success    bool    `json:"success"`
	Data       T       `json:"data"`
	NextCursor *string `json:"next_cursor"`
}

type errorBody struct {
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
	Error string `json:"error"`
}

// request describes one call: its method, path, query and, when json is
// not nil, a JSON body.
type request struct {
	method string
	path   string
	query  url.Values
	json   any
}

func (c *Client) do(ctx context.Context, r request, out any) error {
	u := c.baseURL.JoinPath(r.path)
	u.RawQuery = r.query.Encode()

	var body io.Reader
	contentType := ""
	if r.json != nil {
		b, err := json.Marshal(r.json)
		if err != nil {
			return err
		}
		body, contentType = bytes.NewReader(b), "application/json"
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.method, r.path, err)
	}
	if resp.StatusCode >= 300 {
		return decodeError(r.method, u, resp)
	}
	if out == nil || len(resp.Body) == 0 {
		return nil
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return fmt.Errorf("%s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return nil
}

// decodeError reads an error answer, which the transport has redacted.
func decodeError(method string, u *url.URL, resp *transport.Response) error {
	apiErr := &APIError{Status: resp.StatusCode, Method: method, URL: transport.RedactURL(u.String()), Attempts: resp.Attempts}
	var body errorBody
	if json.Unmarshal(resp.Body, &body) == nil {
		for _, e := range body.Errors {
			apiErr.Messages = append(apiErr.Messages, e.Message)
		}
		if body.Error != "" {
			apiErr.Messages = append(apiErr.Messages, body.Error)
		}
		apiErr.Vendor = len(apiErr.Messages) > 0
	}
	if len(apiErr.Messages) == 0 && len(resp.Body) > 0 && len(resp.Body) < 512 {
		apiErr.Messages = []string{strings.TrimSpace(string(resp.Body))}
	}
	return apiErr
}

// createOnce sends a create at most as many times as the retry budget
// allows a request to be sent, looking for the object between tries.
func createOnce[T any](ctx context.Context, c *Client, create func(context.Context) (T, error), find func(context.Context) (T, bool, error)) (T, error) {
	return transport.CreateOnce(ctx, c.createAttempts, create, find)
}
