// Package braze is a client for Braze's REST API: the real exports of custom
// attributes and custom events, the segment list, and the modeled API key
// endpoints. Their contract is api/braze.openapi.yaml. It knows HTTP and
// JSON, nothing about Terraform.
package braze

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

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Config holds what a Client needs to reach one Braze workspace.
type Config struct {
	// RESTEndpoint is the instance's REST endpoint, e.g. https://rest.iad-05.braze.com.
	RESTEndpoint string
	APIKey       string
	Transport    transport.Config
}

// Client calls one Braze workspace's REST API.
type Client struct {
	endpoint       *url.URL
	http           *transport.Client
	createAttempts int

	// Each listing is read once and kept for the client's life, which is
	// one Terraform command.
	customAttributes listing[CustomAttribute]
	customEvents     listing[CustomEvent]
	segments         listing[Segment]
}

// New validates cfg and returns a client.
func New(cfg Config) (*Client, error) {
	endpoint, err := url.Parse(strings.TrimSuffix(cfg.RESTEndpoint, "/"))
	if err != nil || endpoint.Host == "" || (endpoint.Scheme != "https" && endpoint.Scheme != "http") {
		return nil, fmt.Errorf("invalid Braze REST endpoint %q", transport.RedactURL(cfg.RESTEndpoint))
	}
	if cfg.APIKey == "" {
		return nil, errors.New("a Braze REST API key is required")
	}
	cfg.Transport.Credentials = transport.BearerToken(cfg.APIKey)
	return &Client{endpoint: endpoint, http: transport.New(cfg.Transport), createAttempts: cfg.Transport.MaxRetries + 1}, nil
}

// APIError is an error answer to one of the client's requests. Vendor is
// true when the answer is in Braze's own {"message": …, "errors": […]}
// shape, and false when something else answered, such as a proxy's page or a
// server at a wrong base URL. The difference matters because only Braze's
// own 404 may make Terraform forget an object.
type APIError struct {
	Status  int
	Message string
	Errors  []string
	Vendor  bool
	// Method and URL name the request; URL without credentials.
	Method, URL string
	// Attempts is how many times the request was sent. It is more than 1
	// when the request was retried until the retries ran out.
	Attempts int
	// Permission is the key permission the endpoint needs, when the client
	// knows it. A 403 from Braze means the key lacks this permission.
	Permission string
}

func (e *APIError) Error() string {
	var msg string
	if e.Vendor {
		msg = fmt.Sprintf("Braze API answered HTTP %d", e.Status)
		if e.Message != "" {
			msg += ": " + e.Message
		}
		if len(e.Errors) > 0 {
			msg += " (" + strings.Join(e.Errors, "; ") + ")"
		}
	} else {
		msg = transport.ForeignAnswer(e.Method, e.URL, e.Status, "Braze's API", `it answers errors as {"message": ...}`,
			"the REST endpoint is probably wrong: it is your instance's, such as https://rest.iad-05.braze.com", e.Message)
	}
	return msg + transport.AttemptsNote(e.Attempts)
}

// HTTPStatus lets the transport tell server failures from refusals.
func (e *APIError) HTTPStatus() int { return e.Status }

// IsNotFound reports whether err is Braze's own answer that an object does
// not exist. A 404 from something else is an error to report, not a
// deletion.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound && apiErr.Vendor
}

// IsForbidden reports whether err is Braze's 403: the key lacks a permission.
func IsForbidden(err error) bool { return hasStatus(err, http.StatusForbidden) }

// MissingPermission returns the permission the key lacks when Braze answered
// 403: the one the refused endpoint needs. It returns "" for any other
// error, and for a 403 that did not come from Braze or from an endpoint whose
// permission the client does not know.
func MissingPermission(err error) string {
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusForbidden && apiErr.Vendor {
		return apiErr.Permission
	}
	return ""
}

// endpointPermissions are the key permissions Braze asks of the endpoints
// this client calls, by method and path below the REST endpoint. Each real
// endpoint's page on braze.com/docs/api/endpoints names its own; the
// api_keys endpoints are modelled, and api/braze.openapi.yaml names theirs.
var endpointPermissions = map[string]string{
	"GET /custom_attributes":  "custom_attributes.get",
	"GET /events":             "events.get",
	"GET /segments/list":      "segments.list",
	"POST /api_keys/create":   "api_keys.create",
	"GET /api_keys/list":      "api_keys.list",
	"GET /api_keys/info":      "api_keys.info",
	"DELETE /api_keys/delete": "api_keys.delete",
}

func hasStatus(err error, status int) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status == status
}

// response is a decoded answer with the headers pagination needs.
type response struct {
	header http.Header
}

func (c *Client) do(ctx context.Context, method, path string, query url.Values, in, out any) (*response, error) {
	u := c.endpoint.JoinPath(path)
	u.RawQuery = query.Encode()
	return c.doURL(ctx, method, u.String(), in, out)
}

func (c *Client) doURL(ctx context.Context, method, target string, in, out any) (*response, error) {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, req.URL.Path, err)
	}
	if resp.StatusCode >= 300 {
		apiErr := decodeError(method, req.URL, resp)
		// The endpoint is looked up by its path below the REST endpoint,
		// without the query, so that every page of a listing finds the same
		// permission.
		apiErr.Permission = endpointPermissions[method+" "+strings.TrimPrefix(req.URL.Path, c.endpoint.Path)]
		return nil, apiErr
	}
	if out != nil && len(resp.Body) > 0 {
		if err := json.Unmarshal(resp.Body, out); err != nil {
			return nil, fmt.Errorf("%s %s: decoding the answer: %w", method, req.URL.Path, err)
		}
	}
	return &response{header: resp.Header}, nil
}

// decodeError reads an error answer, which the transport has redacted.
func decodeError(method string, u *url.URL, resp *transport.Response) *APIError {
	apiErr := &APIError{Status: resp.StatusCode, Method: method, URL: transport.RedactURL(u.String()), Attempts: resp.Attempts}
	var body struct {
		Message string          `json:"message"`
		Errors  json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(resp.Body, &body) == nil {
		apiErr.Message = body.Message
		apiErr.Errors = flattenErrors(body.Errors)
		apiErr.Vendor = apiErr.Message != "" || len(apiErr.Errors) > 0
	}
	if !apiErr.Vendor && len(resp.Body) > 0 && len(resp.Body) < 512 {
		apiErr.Message = strings.TrimSpace(string(resp.Body))
	}
	return apiErr
}

// flattenErrors reads Braze's "errors", which endpoints fill with strings or
// with objects carrying a message.
func flattenErrors(raw json.RawMessage) []string {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil
	}
	var out []string
	for _, item := range items {
		var s string
		var obj struct {
			Message string `json:"message"`
		}
		switch {
		case json.Unmarshal(item, &s) == nil:
			out = append(out, s)
		case json.Unmarshal(item, &obj) == nil && obj.Message != "":
			out = append(out, obj.Message)
		default:
			out = append(out, string(item))
		}
	}
	return out
}
