package probe

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// asker sends the probe's requests as they are written, with no retries
// and nothing added but the token, so that each question sees the
// vendor's own first answer.
type asker struct {
	base    *url.URL
	auth    string
	http    *http.Client
	secrets []string

	requests, writes int
	// rateLimited holds the 429s met, which the point "Rate limit" reads.
	rateLimited []answer
}

// request is one question put to the API. A []byte body is sent as it is.
type request struct {
	method string
	path   string
	query  url.Values
	header http.Header
	body   any
}

// answer is what the API said.
type answer struct {
	request string
	status  int
	header  http.Header
	body    []byte
	// problem is the body read as a problem document (empty if it is not one).
	problem developer.Problem
}

func (a *asker) ask(ctx context.Context, r request) (answer, error) {
	u := a.base.JoinPath(r.path)
	u.RawQuery = r.query.Encode()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case []byte:
		body = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			return answer{}, err
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return answer{}, err
	}
	for name, values := range r.header {
		req.Header[name] = values
	}
	if req.Header.Get("Authorization") == "" {
		req.Header.Set("Authorization", a.auth)
	}
	req.Header.Set("Accept", "application/json, application/problem+json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	a.requests++
	if r.method != http.MethodGet {
		a.writes++
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return answer{}, fmt.Errorf("%s %s: %s", r.method, r.path, a.redact(err.Error()))
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return answer{}, fmt.Errorf("%s %s: reading the answer: %w", r.method, r.path, err)
	}
	ans := answer{request: r.method + " " + r.path, status: resp.StatusCode, header: resp.Header, body: raw}
	if resp.StatusCode >= 400 {
		_ = json.Unmarshal(raw, &ans.problem) // Not a problem document: the status says enough.
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		a.rateLimited = append(a.rateLimited, ans)
	}
	return ans, nil
}

// describe is an answer as a contradicted line quotes it: the status, the
// error code and detail of a problem, or the start of any other body,
// never a secret.
func (a *asker) describe(ans answer) string {
	s := fmt.Sprintf("%d", ans.status)
	switch {
	case ans.problem.ErrorCode != "":
		s += " " + ans.problem.ErrorCode
		if ans.problem.Detail != "" {
			s += " (" + ans.problem.Detail + ")"
		}
		for _, f := range ans.problem.ValidationErrors {
			s += fmt.Sprintf("; %s: %s", f.Field, f.Message)
		}
	case ans.status >= 300 && len(ans.body) > 0:
		s += " " + strings.TrimSpace(string(ans.body))
	}
	const limit = 300
	if len(s) > limit {
		s = s[:limit] + "…"
	}
	return a.redact(s)
}

// redact removes every secret the probe holds from s.
func (a *asker) redact(s string) string {
	for _, secret := range a.secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, "[REDACTED]")
		}
	}
	return s
}

// data decodes the {"data": …} envelope of a 2xx answer into out.
func (ans answer) data(out any) error {
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(ans.body, &env); err != nil {
		return fmt.Errorf("%s answered %d with a body that is not JSON", ans.request, ans.status)
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return fmt.Errorf("%s answered %d with data of another shape: %w", ans.request, ans.status, err)
	}
	return nil
}

// idempotencyKey is a fresh Idempotency-Key, as the tracking plan's writes
// need.
func idempotencyKey() http.Header {
	return http.Header{"Idempotency-Key": {"tfprobe-" + randomHex(12)}}
}

func randomHex(n int) string {
	b := make([]byte, n/2)
	_, _ = rand.Read(b) // crypto/rand never fails on the platforms Go supports.
	return hex.EncodeToString(b)
}
