// Package developer is a client for Amplitude's Developer API
// (amplitude.com/docs/apis/developer, Early Access): the token's context,
// projects, destination types, destinations and the tracking plan of one
// project. Its contract is api/amplitude-developer.openapi.yaml. It knows
// HTTP and JSON, nothing about Terraform.
//
// Where the API's documentation leaves a point open (the parts that document
// marks x-modelled), the client does not rely on one answer: it always sends
// a destination's kind and whole config, never expects a secret back, and
// reads the partner's parameters before it maps them.
package developer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/readcache"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Config holds what a Client needs to reach one Amplitude project through the
// Developer API.
type Config struct {
	// BaseURL is the API's root, e.g. https://developer-api.amplitude.com;
	// every path below it starts with /v1.
	BaseURL string
	// AccessToken is a Personal Access Token (amp_…) or an OAuth access token.
	AccessToken string
	// ProjectID is the project's numeric id.
	ProjectID string
	Transport transport.Config
	// BatchReads answers destination reads from one listing once a client
	// has read a few, for a client that lives as long as one Terraform
	// command.
	BatchReads bool
}

// Client calls the Developer API for one project.
type Client struct {
	baseURL       *url.URL
	projectID     string
	http          *transport.Client
	writeAttempts int

	destinations *readcache.Cache[Destination]

	context contextCache
	types   typeCache
	clock   serverClock

	// claimed holds the ids of destinations this client has created or
	// adopted, so that two lost creates of one name never adopt the same one.
	claimedMu sync.Mutex
	claimed   map[string]bool
	// createLocks holds a mutex per partner and name being created.
	createLocks sync.Map

	// taxonomy is the run's view of the tracking plan; a write through the
	// client drops it.
	taxonomyMu sync.Mutex
	taxonomy   *Taxonomy
}

var projectIDPattern = regexp.MustCompile(`^[0-9]+$`)

// New validates cfg and returns a client.
func New(cfg Config) (*Client, error) {
	base, err := url.Parse(strings.TrimSuffix(cfg.BaseURL, "/"))
	if err != nil || base.Host == "" || (base.Scheme != "https" && base.Scheme != "http") {
		return nil, fmt.Errorf("invalid Amplitude Developer API URL %q", transport.RedactURL(cfg.BaseURL))
	}
	token := strings.TrimSpace(cfg.AccessToken)
	if token == "" {
		return nil, errors.New("an Amplitude access token is required")
	}
	if !projectIDPattern.MatchString(cfg.ProjectID) {
		return nil, fmt.Errorf("the Amplitude project id %q is not a number", cfg.ProjectID)
	}
	cfg.Transport.Credentials = bearerCredentials(token)
	cfg.Transport.Secrets = append(cfg.Transport.Secrets, token)
	c := &Client{
		baseURL:       base,
		projectID:     cfg.ProjectID,
		http:          transport.New(cfg.Transport),
		writeAttempts: cfg.Transport.MaxRetries + 1,
		claimed:       map[string]bool{},
	}
	c.destinations = readcache.New(cfg.BatchReads, c.listAllDestinations, func(d Destination) string { return d.ID })
	return c, nil
}

// ProjectID is the project the client works on.
func (c *Client) ProjectID() string { return c.projectID }

// bearerCredentials sends a Personal Access Token the way Amplitude's own CLI
// sends one (Bearer PAT=amp_…): the docs do not say whether the bare form
// works. Other tokens (OAuth) go bare. A token given with its PAT= prefix
// already is sent as it is.
func bearerCredentials(token string) transport.Credentials {
	if strings.HasPrefix(token, "amp_") {
		return transport.BearerToken("PAT=" + token)
	}
	return transport.BearerToken(token)
}

// call is one request.
type call struct {
	method string
	path   string
	query  url.Values
	header http.Header
	body   any
	// safeToRepeat marks a POST that only validates (a dry run).
	safeToRepeat bool
}

// do sends r and decodes a 2xx answer into out. A refusal is a *Problem when
// the answer is Amplitude's problem document, an *UnexpectedAnswer otherwise.
func (c *Client) do(ctx context.Context, r call, out any) error {
	u := c.baseURL.JoinPath(r.path)
	u.RawQuery = r.query.Encode()
	var body io.Reader
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return err
	}
	for name, values := range r.header {
		req.Header[name] = values
	}
	req.Header.Set("Accept", "application/json, application/problem+json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.safeToRepeat {
		req = transport.MarkSafeToRepeat(req)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.method, r.path, err)
	}
	c.clock.observe(resp.Header.Get("Date"))
	if resp.StatusCode >= 300 {
		return c.refusal(r.method, u, resp)
	}
	if out == nil || len(resp.Body) == 0 {
		return nil
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return fmt.Errorf("%s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return nil
}

// refusal reads an error answer. Only a problem document is Amplitude's own
// word: anything else (a proxy's page, another API's body) says the request
// did not reach the Developer API.
func (c *Client) refusal(method string, u *url.URL, resp *transport.Response) error {
	if problem, ok := parseProblem(resp); ok {
		problem.Method, problem.Path, problem.Attempts = method, u.Path, resp.Attempts
		return problem
	}
	return &UnexpectedAnswer{
		Method:   method,
		URL:      transport.RedactURL(u.String()),
		Status:   resp.StatusCode,
		Snippet:  snippet(resp.Body),
		Attempts: resp.Attempts,
	}
}

func snippet(raw []byte) string {
	const limit = 200
	s := strings.TrimSpace(string(raw))
	if len(s) > limit {
		s = s[:limit] + "…"
	}
	return s
}

// serverClock tracks how far the server's clock is from ours, from the Date
// header of its answers, so that "created during this attempt" can be judged
// on the server's timestamps.
type serverClock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (s *serverClock) observe(date string) {
	at, err := http.ParseTime(date)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offset = time.Until(at)
}

// now is the server's time as far as we know it.
func (s *serverClock) now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Now().Add(s.offset)
}

func (c *Client) projectPath(parts ...string) string {
	escaped := make([]string, len(parts))
	for i, p := range parts {
		escaped[i] = url.PathEscape(p)
	}
	return "/v1/projects/" + c.projectID + strings.Join(append([]string{""}, escaped...), "/")
}

// page is the list envelope.
type page[T any] struct {
	Data       []T `json:"data"`
	Pagination struct {
		NextCursor *string `json:"next_cursor"`
		HasMore    bool    `json:"has_more"`
	} `json:"pagination"`
}

// listPageSize is the largest page the Developer API serves.
const listPageSize = 200

// listAll reads every page of a listing.
func listAll[T any](ctx context.Context, c *Client, path string, filters url.Values) ([]T, error) {
	var all []T
	for items, err := range pages[T](ctx, c, path, filters) {
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
	}
	return all, nil
}

// pages yields a listing's pages as they are read, so that a caller can
// pass results on before the last page arrives. It follows the cursor until
// the last page, and stops with an error when the server hands back a
// cursor it gave before: a listing the vendor pages wrongly ends, never
// loops.
func pages[T any](ctx context.Context, c *Client, path string, filters url.Values) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		query := url.Values{"limit": {strconv.Itoa(listPageSize)}}
		for k, v := range filters {
			query[k] = v
		}
		cursors := transport.NewCursors(http.MethodGet + " " + path)
		for {
			var p page[T]
			if err := c.do(ctx, call{method: http.MethodGet, path: path, query: query}, &p); err != nil {
				yield(nil, err)
				return
			}
			if !yield(p.Data, nil) {
				return
			}
			next := p.Pagination.NextCursor
			if !p.Pagination.HasMore || next == nil || *next == "" {
				return
			}
			if err := cursors.Follow(*next); err != nil {
				yield(nil, err)
				return
			}
			query.Set("cursor", *next)
		}
	}
}

// envelope is the single-object envelope.
type envelope[T any] struct {
	Data T `json:"data"`
}
