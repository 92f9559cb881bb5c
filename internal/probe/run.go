package probe

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Verdict is what the vendor's answer says of a point's guess.
type Verdict string

const (
	Confirmed    Verdict = "confirmed"
	Contradicted Verdict = "contradicted"
	// NotTestable is a point no probe can ask, or one this run could not.
	NotTestable Verdict = "not testable"
	// NotTestableWithToken is a point another token could ask: this one
	// lacks a scope, or is not the kind the point is about.
	NotTestableWithToken Verdict = "not testable with this token"
)

// Result is one point's verdict, with the vendor's answer when it
// contradicts the guess, or why the point could not be asked.
type Result struct {
	Point   Point
	Verdict Verdict
	Detail  string
}

// Line is the result as make probe prints it: one line, starting with the
// point's name.
func (r Result) Line() string {
	switch r.Verdict {
	case Confirmed:
		return r.Point.Name + ": confirmed"
	case Contradicted:
		return fmt.Sprintf("%s: contradicted (vendor answered: %s); the guess is encoded in %s (client) and %s (sandbox)",
			r.Point.Name, r.Detail, r.Point.Client, r.Point.Sandbox)
	default:
		return fmt.Sprintf("%s: %s (%s)", r.Point.Name, r.Verdict, r.Detail)
	}
}

// Report is a whole run.
type Report struct {
	Results []Result
	// Requests counts every request sent, Writes those that were not GETs.
	Requests, Writes int
	// Leftovers are the objects the run made and could not remove.
	Leftovers []string
	Prefix    string
}

// Run asks every open point's question of the API cfg names. It checks the
// token and the project first, and stops with an error, before any write,
// when either is wrong. Whatever it made is removed at the end, even when
// ctx is cancelled meanwhile.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	points, err := Points()
	if err != nil {
		return nil, err
	}
	r, err := newRun(cfg)
	if err != nil {
		return nil, err
	}
	report := &Report{Prefix: r.prefix}
	if err := r.preflight(ctx); err != nil {
		report.Requests, report.Writes = r.requests, r.writes
		return report, err
	}
	results := make([]Result, len(points))
	var rateLimit []int
	for i, p := range points {
		results[i].Point = p
		q, known := questions[p.Name]
		switch {
		case ctx.Err() != nil:
			results[i].Verdict, results[i].Detail = NotTestable, "the run was interrupted before this point was asked"
		case !known:
			results[i].Verdict, results[i].Detail = NotTestable, "the probe has no question for this point yet (internal/probe/questions.go)"
		case q.last:
			// Asked once every other question has been: it reads their answers.
			rateLimit = append(rateLimit, i)
		default:
			results[i].Verdict, results[i].Detail = r.put(ctx, q)
		}
	}
	for _, i := range rateLimit {
		results[i].Verdict, results[i].Detail = r.put(ctx, questions[points[i].Name])
	}
	// Removal goes on after an interrupt: the run's objects must not stay.
	report.Leftovers = r.cleanUp(context.WithoutCancel(ctx))
	report.Results, report.Requests, report.Writes = results, r.requests, r.writes
	return report, nil
}

// run is one probe run's state: what it knows of the token, and what it
// made.
type run struct {
	*asker
	cfg     Config
	project string
	prefix  string
	// scopes are the token's, nil when GET /v1/context does not say.
	scopes []string

	stream       fixture[destination]
	userProperty fixture[string]
	event        fixture[string]
	// made are the objects to remove at the end, in the order made.
	made []madeObject
}

func newRun(cfg Config) (*run, error) {
	base, err := url.Parse(strings.TrimSuffix(cfg.DeveloperAPIURL, "/"))
	if err != nil {
		return nil, err
	}
	token := strings.TrimPrefix(cfg.AccessToken, "PAT=")
	auth := "Bearer " + token
	if strings.HasPrefix(token, "amp_") {
		// The form the client sends: whether the bare one works is the
		// point "PAT header form", which asks both.
		auth = "Bearer PAT=" + token
	}
	return &run{
		asker: &asker{
			base: base, auth: auth, secrets: []string{token, cfg.BrazeAPIKey},
			http: &http.Client{Timeout: 2 * time.Minute},
		},
		cfg: cfg, project: cfg.ProjectID, prefix: "tfprobe-" + randomHex(8) + "-",
	}, nil
}

// preflight checks the token and that it sees the project, before any
// write: a wrong region or project stops the run here.
func (r *run) preflight(ctx context.Context) error {
	ans, err := r.ask(ctx, request{method: http.MethodGet, path: "/v1/context"})
	if err != nil {
		return fmt.Errorf("%s does not answer: %w", r.base.Host, err)
	}
	switch {
	case ans.status == http.StatusUnauthorized:
		return fmt.Errorf("%s refused the token (%s): check %s, and that %s names the region of the token's organization",
			r.base.Host, r.describe(ans), EnvAccessToken, EnvRegion)
	case ans.status == http.StatusForbidden:
		// Without projects:read the scopes stay unknown: each question
		// finds out for itself.
		return nil
	case ans.status != http.StatusOK:
		return fmt.Errorf("GET /v1/context answered %s: is %s the Developer API?", r.describe(ans), r.base.Host)
	}
	var who struct {
		Principal struct {
			Scopes []string `json:"scopes"`
		} `json:"principal"`
	}
	if err := ans.data(&who); err != nil {
		return err
	}
	r.scopes = who.Principal.Scopes
	return r.findProject(ctx)
}

// findProject pages through the projects the token sees for the one the
// probe was given.
func (r *run) findProject(ctx context.Context) error {
	query := url.Values{"limit": {"200"}}
	for {
		ans, err := r.ask(ctx, request{method: http.MethodGet, path: "/v1/projects", query: query})
		if err != nil {
			return err
		}
		if ans.status != http.StatusOK {
			return fmt.Errorf("GET /v1/projects answered %s", r.describe(ans))
		}
		var projects []struct {
			ID string `json:"id"`
		}
		if err := ans.data(&projects); err != nil {
			return err
		}
		if slices.ContainsFunc(projects, func(p struct {
			ID string `json:"id"`
		}) bool {
			return p.ID == r.project
		}) {
			return nil
		}
		var page struct {
			Pagination struct {
				NextCursor *string `json:"next_cursor"`
				HasMore    bool    `json:"has_more"`
			} `json:"pagination"`
		}
		_ = json.Unmarshal(ans.body, &page) // data decoded above: the body is JSON.
		next := page.Pagination.NextCursor
		if !page.Pagination.HasMore || next == nil || *next == "" || *next == query.Get("cursor") {
			return fmt.Errorf("project %s is not among the projects this token sees at %s: check %s, and %s for a project in the EU",
				r.project, r.base.Host, EnvProjectID, EnvRegion)
		}
		query.Set("cursor", *next)
	}
}

// put asks q, unless the token lacks a scope it needs.
func (r *run) put(ctx context.Context, q question) (Verdict, string) {
	if r.scopes != nil {
		var missing []string
		for _, s := range q.scopes {
			if !slices.Contains(r.scopes, s) {
				missing = append(missing, s)
			}
		}
		if len(missing) > 0 {
			return NotTestableWithToken, "it lacks the scope " + strings.Join(missing, " and ")
		}
	}
	o := q.ask(ctx, r)
	return o.verdict, o.detail
}

// outcome is a question's verdict.
type outcome struct {
	verdict Verdict
	detail  string
}

var confirmed = outcome{verdict: Confirmed}

func contradicted(format string, args ...any) outcome {
	return outcome{verdict: Contradicted, detail: fmt.Sprintf(format, args...)}
}

func notTestable(format string, args ...any) outcome {
	return outcome{verdict: NotTestable, detail: fmt.Sprintf(format, args...)}
}

// noAnswer is the outcome of a request that got no answer.
func noAnswer(err error) outcome { return notTestable("no answer: %v", err) }

// expect judges an answer by the status and error code the guess gives it
// ("" for any code); ok is false with the outcome to report otherwise. A
// missing scope or a rate limit makes the point not testable rather than
// contradicted: the question was not really answered.
func (r *run) expect(ans answer, status int, code string) (outcome, bool) {
	switch {
	case ans.status == http.StatusForbidden && ans.problem.ErrorCode == "insufficient_scope":
		return outcome{verdict: NotTestableWithToken, detail: r.describe(ans)}, false
	case ans.status == http.StatusTooManyRequests && status != http.StatusTooManyRequests:
		return notTestable("rate limited: %s", r.describe(ans)), false
	case ans.status != status || (code != "" && ans.problem.ErrorCode != code):
		want := fmt.Sprint(status)
		if code != "" {
			want += " " + code
		}
		return contradicted("%s to %s; modelled %s", r.describe(ans), ans.request, want), false
	}
	return confirmed, true
}

// fixture is an object several questions share, made once; failed holds
// why it could not be made.
type fixture[T any] struct {
	made   bool
	value  T
	failed *outcome
}

// get makes the fixture on first use.
func (f *fixture[T]) get(build func() (T, *outcome)) (T, *outcome) {
	if !f.made {
		f.made = true
		f.value, f.failed = build()
	}
	return f.value, f.failed
}

// madeObject is an object the run made, and how to remove it.
type madeObject struct {
	what   string
	remove request
	// gone are the statuses that mean it is removed.
	gone []int
}

// madeDestination records a destination to disable at the end: the
// Developer API has no delete.
func (r *run) madeDestination(id, name string) {
	r.made = append(r.made, madeObject{
		what:   fmt.Sprintf("destination %s (%s), to disable", id, name),
		remove: request{method: http.MethodPatch, path: r.projectPath("destinations", id), body: map[string]any{"enabled": false}},
		gone:   []int{http.StatusOK, http.StatusNotFound},
	})
}

// madePlanObject records a tracking-plan object to delete at the end;
// parts is its path below the project (events, <name>).
func (r *run) madePlanObject(parts ...string) {
	r.made = append(r.made, madeObject{
		what:   "tracking-plan object " + strings.Join(parts, "/"),
		remove: request{method: http.MethodDelete, path: r.projectPath(parts...), header: idempotencyKey()},
		gone:   []int{http.StatusNoContent, http.StatusNotFound},
	})
}

// cleanUp removes what the run made, newest first, and lists what it
// could not remove. It looks for tracking-plan objects named with the
// prefix first, in case a create's answer was lost (an interrupt): the
// destination needs no such search, as the run makes it disabled.
func (r *run) cleanUp(ctx context.Context) []string {
	left := r.sweep(ctx)
	for _, m := range slices.Backward(r.made) {
		ans, err := r.ask(ctx, m.remove)
		switch {
		case err != nil:
			left = append(left, fmt.Sprintf("%s: %v", m.what, err))
		case !slices.Contains(m.gone, ans.status):
			left = append(left, fmt.Sprintf("%s: %s", m.what, r.describe(ans)))
		}
	}
	return left
}

// sweep records the tracking-plan objects named with the run's prefix
// that the run did not record, and says which lists it could not read.
func (r *run) sweep(ctx context.Context) []string {
	var unread []string
	for _, kind := range []string{"user-properties", "events"} {
		ans, err := r.ask(ctx, request{method: http.MethodGet, path: r.projectPath(kind),
			query: url.Values{"q": {r.prefix}, "limit": {"200"}}})
		switch {
		case err != nil:
			unread = append(unread, fmt.Sprintf("%s named %s*: not listed: %v", kind, r.prefix, err))
			continue
		case ans.status == http.StatusForbidden:
			// Without the read scope the run could not have made any.
			continue
		case ans.status != http.StatusOK:
			unread = append(unread, fmt.Sprintf("%s named %s*: not listed: %s", kind, r.prefix, r.describe(ans)))
			continue
		}
		var objects []struct {
			ID string `json:"id"`
		}
		if err := ans.data(&objects); err != nil {
			unread = append(unread, fmt.Sprintf("%s named %s*: %v", kind, r.prefix, err))
			continue
		}
		for _, o := range objects {
			path := r.projectPath(kind, o.ID)
			if strings.HasPrefix(strings.TrimSpace(o.ID), r.prefix) &&
				!slices.ContainsFunc(r.made, func(m madeObject) bool { return m.remove.path == path }) {
				r.madePlanObject(kind, o.ID)
			}
		}
	}
	return unread
}

func (r *run) projectPath(parts ...string) string {
	escaped := make([]string, len(parts))
	for i, p := range parts {
		escaped[i] = url.PathEscape(p)
	}
	return "/v1/projects/" + r.project + "/" + strings.Join(escaped, "/")
}
